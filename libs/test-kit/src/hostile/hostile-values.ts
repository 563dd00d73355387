import fc from 'fast-check';

/** Planted in inputs: a page that shows either one unescaped would run it. */
export const XSS_MARKERS = ['<script>hubxss(1)</script>', '"><img src=x onerror=hubxss(2)>', "'><svg onload=hubxss(3)>"] as const;
/** A header an attacker would like the response to carry (CR LF in a value reflected into a header). */
export const INJECTED_HEADER = 'X-Hub-Injected';
export const HEADER_SPLITTING = `\r\n${INJECTED_HEADER}: 1\r\nSet-Cookie: hub_injected=1`;

/** Text every filter and field is tried with: SQL, LIKE wildcards, JSON path, HTML, header splitting. */
export const HOSTILE_STRINGS = [
  ...XSS_MARKERS,
  HEADER_SPLITTING,
  "' OR 1=1 --",
  "'; drop table integration_logs; --",
  '" OR ""="',
  '%',
  '_',
  '%_%',
  '\\',
  '\\%',
  "\\'",
  '$.x ? (@ == 1)',
  '$[*] ? (@.a like_regex ".*")',
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '-0',
  '9'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-fffffffffffff',
  '{{7*7}}',
  '${7*7}',
  '\u202e\u0644\u0627',
  '\ud800',
  '🦄'.repeat(50),
  ' ',
  '',
] as const;

/** Any text, weighted towards the hostile dictionary. */
export const hostileText = (maxLength = 64): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.uuid().map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  );

/** Nested `depth` levels deep: arrays, objects or both (a parser's recursion is the target). */
const deeplyNested = fc
  .record({ depth: fc.integer({ min: 50, max: 20_000 }), kind: fc.constantFrom('array', 'object') })
  .map(({ depth, kind }) => (kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/** JSON text, valid or nearly so: wrong types, huge numbers, deep nesting, hostile strings for `fields`. */
export function hostileJson(fields: readonly string[]): fc.Arbitrary<string> {
  const fieldValue = fc.oneof(hostileText(), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e308, -1, 2 ** 64, 0.5, true, null, [], {}));
  const knownFields = fields.length === 0 ? fc.constant({}) : fc.dictionary(fc.constantFrom(...fields), fieldValue, { maxKeys: fields.length });
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.tuple(knownFields, fc.dictionary(hostileText(16), fieldValue, { maxKeys: 3 })).map(([known, extra]) => JSON.stringify({ ...extra, ...known })),
    knownFields.map((known) => JSON.stringify(known)),
    deeplyNested,
    fc.constantFrom(
      '1e999999',
      '-1e999999',
      '123456789012345678901234567890123456789',
      '{"warehouse_id": 1e400}',
      '[',
      '{"a":',
      'nul',
      '"',
      '{"a":1}{"b":2}',
      '\ufeff{}',
    ),
  );
}

/** A form body (urlencoded) with `fields` and others set to hostile text, sometimes malformed. */
export function hostileForm(fields: readonly string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...fields, 'x'), hostileText(16)), hostileText());
  return fc.oneof(
    fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(safe(k))}=${encodeURIComponent(safe(v))}`).join('&')),
    fc.constantFrom('%', '%zz=1', '=&=&', 'a=%C3%28', 'a=%00', '&&&', 'warehouse_id=1&warehouse_id=2'),
  );
}

/** Encodable text: a lone surrogate cannot be percent-encoded, so it becomes U+FFFD as a browser would send it. */
export const safe = (text: string): string => text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A multipart body: well-formed with hostile fields, or broken (no boundary, wrong boundary, truncated). */
export function hostileMultipart(fields: readonly string[]): fc.Arbitrary<{ contentType: string; body: string }> {
  const boundary = 'hubfuzzboundary';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return fc.oneof(
    fc.array(fc.tuple(fc.constantFrom(...fields, 'x'), hostileText()), { maxLength: 4 }).map((pairs) => ({
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: pairs.map(([k, v]) => part(k, safe(v))).join('') + `--${boundary}--\r\n`,
    })),
    fc.constantFrom(
      { contentType: 'multipart/form-data', body: 'no boundary at all' },
      { contentType: `multipart/form-data; boundary=${boundary}`, body: 'garbage without any boundary' },
      { contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\ntruncated` },
      { contentType: 'multipart/form-data; boundary=', body: '--\r\n' },
      { contentType: `multipart/form-data; boundary="${'b'.repeat(300)}"`, body: '' },
    ),
  );
}

/** Content types a client may claim for any body, right or wrong. */
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=koi8-r',
  'multipart/form-data',
  'application/xml',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/json; boundary=x; charset="',
] as const;
