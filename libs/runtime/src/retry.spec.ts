import { describe, expect, it } from 'vitest';
import { retryWithDoublingDelay, type FailedAttempt } from './retry';

/** Work that fails `failures` times, then resolves with the attempt's number. */
function failingTimes(failures: number) {
  let calls = 0;
  return async () => {
    calls += 1;
    if (calls <= failures) throw new Error(`refusal ${calls}`);
    return calls;
  };
}

describe('retryWithDoublingDelay', () => {
  it('retries after each failure with a doubling delay, capped, until the work resolves', async () => {
    const told: FailedAttempt[] = [];
    const outcome = await retryWithDoublingDelay(failingTimes(4), {
      patienceMs: 60_000,
      delay: { firstMs: 1, maxMs: 4 },
      onFailure: (failure) => void told.push(failure),
    });
    expect(outcome).toEqual({ kind: 'done', value: 5 });
    expect(told.map(({ attempt, delayMs }) => [attempt, delayMs])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 4],
    ]);
    expect(told.map(({ error }) => (error as Error).message)).toEqual(['refusal 1', 'refusal 2', 'refusal 3', 'refusal 4']);
  });

  it('makes one attempt with no patience, and gives up with its error instead of throwing', async () => {
    const told: FailedAttempt[] = [];
    const outcome = await retryWithDoublingDelay(failingTimes(Infinity), {
      patienceMs: 0,
      delay: { firstMs: 1_000, maxMs: 1_000 },
      onFailure: (failure) => void told.push(failure),
    });
    expect(outcome).toMatchObject({ kind: 'gave_up', attempts: 1, lastError: new Error('refusal 1') });
    expect(told).toHaveLength(1);
    expect(told[0]?.remainingMs).toBeLessThanOrEqual(0);
    expect(told[0]?.delayMs).toBe(0);
  });

  it('never waits past its patience: the last wait is cut to what is left', async () => {
    const told: FailedAttempt[] = [];
    const outcome = await retryWithDoublingDelay(failingTimes(Infinity), {
      patienceMs: 200,
      delay: { firstMs: 10_000, maxMs: 10_000 },
      onFailure: (failure) => void told.push(failure),
    });
    expect(outcome.kind).toBe('gave_up');
    expect(told[0]?.delayMs).toBeLessThanOrEqual(200);
    expect(told.at(-1)?.remainingMs).toBeLessThanOrEqual(0);
    for (const failure of told) expect(failure.delayMs).toBeLessThanOrEqual(Math.max(0, failure.remainingMs));
  });

  it('stops at once when onFailure throws: a failure no retry can cure', async () => {
    let attempts = 0;
    const refusal = new Error('password authentication failed');
    const stopped = retryWithDoublingDelay(
      async () => {
        attempts += 1;
        throw refusal;
      },
      {
        patienceMs: 60_000,
        delay: { firstMs: 1, maxMs: 1 },
        onFailure: ({ error }) => {
          throw error;
        },
      },
    );
    await expect(stopped).rejects.toBe(refusal);
    expect(attempts).toBe(1);
  });
});
