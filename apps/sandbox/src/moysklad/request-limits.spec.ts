import { describe, expect, it } from 'vitest';
import { RequestLimits } from './request-limits';

const limits = (overrides = {}) =>
  new RequestLimits({ windowMs: 3_000, unitsPerWindow: 45, tokenWeight: 1, parallelPerToken: 5, parallelPerAccount: 20, ...overrides });

describe("the sandbox's МойСклад limits", () => {
  it('admits the budget within any 3-second interval, refuses the next with the wait until units leave the window', () => {
    const book = limits({ unitsPerWindow: 3 });
    for (const at of [0, 1_000, 2_000]) {
      const admission = book.admit('t', 1, at);
      expect(admission.admitted).toBe(true);
      if (admission.admitted) admission.release();
    }
    expect(book.admit('t', 1, 2_500)).toEqual({ admitted: false, reason: 'window', retryAfterMs: 500 });
    expect(book.admit('t', 1, 3_000)).toMatchObject({ admitted: true, remainingUnits: 0 });
    expect(book.counts).toEqual({ admitted: 4, refusedWindow: 1, refusedParallel: 0 });
  });

  it("counts a request's weight: a 5-unit stock report does not fit a budget with 4 units left", () => {
    const book = limits({ unitsPerWindow: 9 });
    expect(book.admit('t', 5, 0)).toMatchObject({ admitted: true, remainingUnits: 4 });
    expect(book.admit('t', 5, 10)).toMatchObject({ admitted: false, reason: 'window', retryAfterMs: 2_990 });
  });

  it('refuses a parallel request over the per-token limit until one finishes, and over the per-account limit for any token', () => {
    const book = limits({ parallelPerToken: 2, parallelPerAccount: 3 });
    const first = book.admit('a', 1, 0);
    const second = book.admit('a', 1, 0);
    expect(book.admit('a', 1, 0)).toEqual({ admitted: false, reason: 'parallel' });
    expect(book.admit('b', 1, 0).admitted).toBe(true);
    expect(book.admit('c', 1, 0)).toEqual({ admitted: false, reason: 'parallel' });
    if (first.admitted) first.release();
    expect(book.admit('a', 1, 0).admitted).toBe(true);
    expect(second.admitted).toBe(true);
  });
});
