/**
 * fast-check arbitraries for rows of the Python release's integration_logs: any text its
 * VARCHAR/TEXT columns can hold (no NUL: PostgreSQL text cannot), any JSON its json column can
 * hold, and the values that matter most to the normalisation in many spellings.
 */
import fc from 'fast-check';

/** A generated legacy row; NULL where a field is null. */
export interface GeneratedLegacyRow {
  created_at: string;
  level: string;
  message: string;
  run_id: string | null;
  request_id: string | null;
  job_id: string | null;
  step: string | null;
  status: string | null;
  external_system: string | null;
  elapsed_ms: number | null;
  payload: string | null;
  details: string | null;
}

const noNul = (text: string) => text.replaceAll('\u0000', '');
/** Any code points, Unicode or not (NUL dropped). */
const anyText = (maxLength: number) => fc.string({ unit: 'binary', maxLength }).map(noNul);
/** ASCII and Unicode blanks, including those only some locales call whitespace. */
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u0085', '\u2003', '\u3000', '\ufeff'), maxLength: 3 });
const hex = fc.constantFrom(...'0123456789abcdefABCDEF');

/**
 * Every spelling PostgreSQL's uuid input takes (any case, a hyphen or none after any group of four,
 * braces or none), with `padding` before and after.
 */
export function uuidSpellings(padding: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.string({ unit: hex, minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
      fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      fc.boolean(),
      padding,
      padding,
    )
    .map(([groups, hyphens, braces, before, after]) => {
      const body = groups.map((group, index) => (index > 0 && hyphens[index - 1] ? `-${group}` : group)).join('');
      return `${before}${braces ? `{${body}}` : body}${after}`;
    });
}
const uuidSpelling = uuidSpellings(blank);
/** A UUID spelling broken in one place. */
const nearUuid = fc.tuple(uuidSpelling, fc.nat(), fc.constantFrom('-', '--', '{', '}', 'g', ' ', '', '٣', 'Ａ')).map(([text, at, piece]) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + piece + text.slice(i + 1);
});
const absent = fc.tuple(blank, fc.constantFrom('', 'None', 'NONE', 'none', 'null', 'NULL', 'nUlL', 'nil', 'undefined'), blank).map((parts) => parts.join(''));
const numberText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.constantFrom('1e1000000', '-1E-999999', '0x10', '١٢٣', '1_000'),
);
const oddDate = fc.constantFrom(
  '2025-09-22',
  '22.09.2025 09:00',
  '09/22/2025',
  'Sep 22 2025',
  '2025-09-22T09:00:00+03:00',
  '20250922T090000Z',
  'infinity',
  '0000-00-00',
);
const jobName = fc.constantFrom('process_outbox_events_job', 'run_internal_replenishment_job', 'nightly_export_job');

/** A correlation id column's value: any text up to `maxLength`, or one of the spellings above. */
const idText = (maxLength: number) =>
  fc.option(fc.oneof(anyText(maxLength), uuidSpelling, nearUuid, absent, numberText, oddDate, jobName), { nil: null, freq: 6 });

/** Deep nesting: arrays and objects, `depth` levels (a json column takes a few thousand). */
const nested = fc
  .tuple(fc.integer({ min: 1, max: 3_000 }), fc.boolean())
  .map(([depth, objects]) => (objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`));
/** JSON texts jsonb may treat unlike json: duplicate keys, escapes it cannot store, numbers numeric cannot hold. */
const awkwardJson = fc.constantFrom(
  '{"a": 1, "a": 2}',
  '{"a": {"b": 1, "b": [1, {"b": 2, "b": 3}]}, "a": null}',
  '{"\\u0000": "nul"}',
  '"nul\\u0000byte"',
  '"\\ud83d\\ude00"',
  '"caf\\u00e9"',
  '1e1000000',
  '[-1E-999999]',
  '{"n": 1e131072}',
  '12345678901234567890123456789.000000000000000000001',
  '{}',
  '[]',
  ' \n\t{ "spaced" : [ 1 , 2 ] }\r\n',
  'null',
  ' null ',
  '"null"',
  '"None"',
  '""',
  '0',
  '-0',
  '1.0',
  'true',
  'false',
);
/** Any JSON text a json column holds, formatted compactly or spaced. */
const jsonText = fc.oneof(
  { arbitrary: fc.tuple(fc.jsonValue(), fc.boolean()).map(([value, spaced]) => JSON.stringify(value, null, spaced ? 2 : undefined)), weight: 4 },
  { arbitrary: fc.tuple(fc.jsonValue(), fc.jsonValue()).map(([a, b]) => `{"k": ${JSON.stringify(a)}, "k": ${JSON.stringify(b)}}`), weight: 1 },
  { arbitrary: awkwardJson, weight: 3 },
  { arbitrary: nested, weight: 1 },
);
/** Huge values (built once): long text and long JSON. */
const HUGE = [
  'x'.repeat(1_000_000),
  'ё 🙂 '.repeat(100_000),
  JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ i, s: `значение ${i}` }))),
  `${'['.repeat(40_000)}${']'.repeat(40_000)}`,
  `0.${'1'.repeat(20_000)}`,
];
/** A TEXT column: anything, JSON or not. */
const anyTextColumn = fc.option(
  fc.oneof(
    { arbitrary: anyText(200), weight: 3 },
    { arbitrary: jsonText, weight: 4 },
    { arbitrary: fc.oneof(absent, numberText, oddDate, uuidSpelling), weight: 2 },
    { arbitrary: fc.constantFrom(...HUGE), weight: 1 },
    { arbitrary: fc.tuple(blank, jsonText, blank).map((parts) => parts.join('')), weight: 1 },
  ),
  { nil: null, freq: 6 },
);

export const legacyRow: fc.Arbitrary<GeneratedLegacyRow> = fc.record({
  created_at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  level: fc.oneof(fc.constantFrom('INFO', 'WARNING', 'ERROR', 'DEBUG'), anyText(16)),
  // Rarely huge: the message's trigram index makes a huge one cost far more than the normalisation does.
  message: fc.oneof({ arbitrary: anyText(300), weight: 19 }, { arbitrary: fc.constantFrom(...HUGE.slice(0, 2)), weight: 1 }),
  run_id: idText(64),
  request_id: idText(64),
  job_id: idText(255),
  step: fc.option(anyText(128), { nil: null }),
  status: fc.option(anyText(32), { nil: null }),
  external_system: fc.option(anyText(32), { nil: null }),
  elapsed_ms: fc.option(fc.integer(), { nil: null }),
  payload: fc.option(jsonText, { nil: null, freq: 4 }),
  details: anyTextColumn,
});
