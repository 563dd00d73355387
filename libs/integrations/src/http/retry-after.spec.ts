import { describe, expect, it } from 'vitest';
import { parseLognexRetryAfter, parseRetryAfter, retryAfterFromHeaders } from './retry-after';

describe('parseRetryAfter', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('treats a date in the past as "retry now", never a negative wait', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header, so the caller uses its own backoff', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe("МойСклад's X-Lognex-Retry-After", () => {
  it('is read as milliseconds, and only when it is a whole number', () => {
    expect(parseLognexRetryAfter('1500')).toBe(1500);
    expect(parseLognexRetryAfter('1.5')).toBeUndefined();
    expect(parseLognexRetryAfter(null)).toBeUndefined();
  });

  it('counts when the standard Retry-After is absent; the standard header wins when both are sent', () => {
    expect(retryAfterFromHeaders(new Headers({ 'X-Lognex-Retry-After': '2300' }))).toBe(2300);
    expect(retryAfterFromHeaders(new Headers({ 'Retry-After': '4', 'X-Lognex-Retry-After': '2300' }))).toBe(4000);
    expect(retryAfterFromHeaders(new Headers())).toBeUndefined();
  });
});
