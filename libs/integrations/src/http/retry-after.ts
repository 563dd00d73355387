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
