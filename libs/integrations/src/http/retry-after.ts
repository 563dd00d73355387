/**
 * Reads an HTTP `Retry-After` header: either delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Returns milliseconds to wait, or undefined when the header is
 * absent or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date = new Date()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names its day and month; this keeps Date.parse from reading '-5' as a year.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  // A date in the past means "now"; never a negative wait.
  return Math.max(0, date - now.getTime());
}

/**
 * Reads МойСклад's `X-Lognex-Retry-After`: the time until its request limit resets, in
 * milliseconds (github.com/moysklad/api-remap-1.2-doc, md/_general.md «Обработка ошибок»).
 */
export function parseLognexRetryAfter(header: string | null | undefined): number | undefined {
  const value = header?.trim();
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** The wait an answer asks for: the standard `Retry-After` when present, else МойСклад's own header. */
export function retryAfterFromHeaders(headers: Headers, now: Date = new Date()): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), now) ?? parseLognexRetryAfter(headers.get('x-lognex-retry-after'));
}

/**
 * The wait a refused answer asks for: {@link retryAfterFromHeaders}, else, for a 429 only,
 * МойСклад's `X-Lognex-Reset` (md/_general.md line 210: the time until the limit resets, in
 * milliseconds, 0 when none is set), so a refusal without a retry interval still waits long enough.
 */
export function retryAfterForAnswer(response: Pick<Response, 'status' | 'headers'>, now: Date = new Date()): number | undefined {
  const stated = retryAfterFromHeaders(response.headers, now);
  if (stated !== undefined || response.status !== 429) return stated;
  const reset = parseLognexRetryAfter(response.headers.get('x-lognex-reset'));
  return reset === undefined || reset === 0 ? undefined : reset;
}
