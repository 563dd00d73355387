import fc from 'fast-check';
import { CONTENT_TYPES, hostileForm, hostileJson, hostileMultipart, hostileText, safe } from './hostile-values';
import type { RawRequest } from './raw-http';

/** One route as the fuzzer aims at it: the names it knows of come first, anything else after. */
export interface FuzzTarget {
  method: string;
  /** `/api/v1/runs/{run_id}` or `/runs/:id`: `{name}` and `:name` are path parameters. */
  path: string;
  query: readonly string[];
  /** Field names of its JSON or form body. */
  bodyFields: readonly string[];
  /** Ids that exist, so some cases reach past "not found". */
  knownIds?: readonly string[];
}

/** The request with the size of its body, for the checks that depend on it. */
export interface HostileRequest extends RawRequest {
  /** For a report: which generator made the body. */
  bodyKind: string;
}

const PERCENT_GARBAGE = ['%', '%zz', '%C3%28', '%00', '%0d%0aX-Hub-Injected:%201', '%E2%82', '%ff%fe', '+', '%2', '%%', '%u0041', '%252e%252e'] as const;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'] as const;
/** Node's client refuses these in a header value; anything else of latin1 goes (long values come from user-agent). */
const headerValue = (text: string): string => text.replace(/[^\t\x20-\x7e\x80-\xff]/g, '').slice(0, 2_000);

/** A query value or path segment: encoded hostile text or raw percent garbage. */
const urlPiece = fc.oneof(
  // Cut to 4,000 characters: longer URLs mostly meet Node's 16 KiB header limit (431) before the app.
  {
    weight: 4,
    arbitrary: hostileText().map((text) =>
      encodeURIComponent(safe(text))
        .slice(0, 4_000)
        .replace(/%[0-9A-F]?$/, ''),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PERCENT_GARBAGE) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 3_000 }).map((n) => 'q'.repeat(n)) },
);

function queryString(names: readonly string[]): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names, 'cursor', 'limit') }, { weight: 1, arbitrary: urlPiece });
  // Repeated keys come for free: the same name may be drawn twice.
  return fc
    .array(fc.tuple(key, urlPiece, fc.boolean()), { maxLength: 6 })
    .map((pairs) => (pairs.length === 0 ? '' : '?' + pairs.map(([k, v, bare]) => (bare && v === '' ? k : `${k}=${v}`)).join('&')));
}

function pathOf(target: FuzzTarget): fc.Arbitrary<string> {
  const segments = target.path.split('/');
  const id = fc.oneof(
    { weight: 3, arbitrary: urlPiece },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: target.knownIds?.length ? fc.constantFrom(...target.knownIds) : fc.uuid() },
  );
  const pieces = segments.map((segment) => (/^(\{.+\}|:.+)$/.test(segment) ? id : fc.constant(segment)));
  return fc.tuple(...pieces).map((parts) => parts.join('/') || '/');
}

/** A body and the Content-Type it claims: JSON, form, multipart, raw bytes (invalid UTF-8), or sizes around `limit`. */
function bodyOf(target: FuzzTarget, limit: number): fc.Arbitrary<{ kind: string; body?: Buffer; contentType?: string; chunked?: boolean }> {
  const contentType = fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined });
  const sizes = [limit - 1, limit, limit + 1, 2 * limit, 1024 * 1024];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'none' }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(hostileJson(target.bodyFields), contentType)
        .map(([text, type]) => ({ kind: 'json', body: Buffer.from(text), contentType: type ?? 'application/json' })),
    },
    {
      weight: 3,
      arbitrary: hostileForm(target.bodyFields).map((text) => ({ kind: 'form', body: Buffer.from(text), contentType: 'application/x-www-form-urlencoded' })),
    },
    {
      weight: 1,
      arbitrary: hostileMultipart(target.bodyFields).map(({ contentType: type, body }) => ({ kind: 'multipart', body: Buffer.from(body), contentType: type })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.uint8Array({ maxLength: 300 }), contentType)
        .map(([bytes, type]) => ({ kind: 'bytes', body: Buffer.from(bytes), contentType: type })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...sizes), fc.boolean(), contentType).map(([size, chunked, type]) => ({
        kind: `size ${size}${chunked ? ' chunked' : ''}`,
        body: Buffer.alloc(size, chunked ? '{' : 'a'),
        contentType: type,
        chunked,
      })),
    },
  );
}

/** Headers besides the body's: ids, operator names, cookies, odd Accept values, one very long value. */
const extraHeaders = fc
  .record(
    {
      'x-request-id': hostileText(),
      'x-hub-operator': hostileText(),
      accept: fc.constantFrom('*/*', 'text/html', 'application/json', 'image/png', ';', ''),
      'accept-language': hostileText(),
      cookie: hostileText(),
      // Now and then beyond Node's 16 KiB of headers (a 431), mostly not, so most cases reach the app.
      'user-agent': fc
        .oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 2_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 20_000 }) })
        .map((n) => 'u'.repeat(n)),
      'x-forwarded-for': hostileText(),
    },
    { requiredKeys: [] },
  )
  .map((headers) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, name === 'user-agent' ? value : headerValue(value)])));

const describeBody = (body: Buffer | undefined): string =>
  body === undefined ? ''
  : body.length > 300 ? `${body.length} bytes`
  : JSON.stringify(body.toString('utf8'));
const describeRequest = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body: { kind: string; body?: Buffer; contentType?: string },
): string => {
  const shownHeaders = Object.entries({ ...headers, 'content-type': body.contentType }).map(([name, value]) => `${name}: ${(value ?? '').slice(0, 120)}`);
  return `${method} ${path.slice(0, 300)} [${shownHeaders.join(' | ')}] body ${body.kind} ${describeBody(body.body)}`;
};

/** A hostile request aimed at `target`; `limit` is the app's body limit. */
export function hostileRequest(target: FuzzTarget, limit: number): fc.Arbitrary<HostileRequest> {
  const method = fc.oneof({ weight: 9, arbitrary: fc.constant(target.method.toUpperCase()) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) });
  return fc
    .record({ method, path: pathOf(target), query: queryString(target.query), body: bodyOf(target, limit), headers: extraHeaders })
    .map(({ method: verb, path, query, body, headers }) => ({
      // fast-check and the failure message print a case with this: a megabyte body as its size, not its bytes.
      [fc.toStringMethod]: () => describeRequest(verb, path + query, headers, body),
      toString: () => describeRequest(verb, path + query, headers, body),
      method: verb,
      path: path + query,
      headers: { ...headers, ...(body.contentType === undefined ? {} : { 'content-type': body.contentType }) },
      bodyKind: body.kind,
      ...(body.body === undefined ? {} : { body: body.body }),
      ...(body.chunked ? { chunked: true } : {}),
    }));
}
