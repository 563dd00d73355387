import { setTimeout as sleep } from 'node:timers/promises';

/** The delays between attempts: `firstMs`, doubling each time up to `maxMs`. */
export interface DoublingDelay {
  firstMs: number;
  maxMs: number;
}

/** What a failed attempt is told, before the wait that follows it. */
export interface FailedAttempt {
  /** 1 for the first attempt. */
  attempt: number;
  error: unknown;
  /** Milliseconds left of the patience; 0 or less: this attempt was the last. */
  remainingMs: number;
  /** The wait before the next attempt: the doubling delay, never past the patience. */
  delayMs: number;
}

export interface RetryOptions {
  /** Attempts go on until this much time has passed since the first began (0: one attempt). */
  patienceMs: number;
  delay: DoublingDelay;
  /** Told of each failed attempt; throwing stops the retries with that error (a failure no retry can cure). */
  onFailure?: (failure: FailedAttempt) => void | Promise<void>;
}

/** The work's value, or the last failure once the patience ran out. */
export type RetryOutcome<T> = { kind: 'done'; value: T } | { kind: 'gave_up'; attempts: number; lastError: unknown };

/**
 * Runs `work` until it resolves, waiting a doubling delay after each failure (start-up waiting
 * for PostgreSQL, a failed run recording its failure through an outage). `work` is given the
 * milliseconds left, for its own timeout. Gives up, without throwing, once the patience is spent.
 */
export async function retryWithDoublingDelay<T>(work: (remainingMs: number) => Promise<T>, options: RetryOptions): Promise<RetryOutcome<T>> {
  const deadline = performance.now() + options.patienceMs;
  let delayMs = options.delay.firstMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return { kind: 'done', value: await work(deadline - performance.now()) };
    } catch (error) {
      const remainingMs = Math.round(deadline - performance.now());
      const waitMs = Math.max(0, Math.min(delayMs, remainingMs));
      await options.onFailure?.({ attempt, error, remainingMs, delayMs: waitMs });
      if (remainingMs <= 0) return { kind: 'gave_up', attempts: attempt, lastError: error };
      await sleep(waitMs);
      delayMs = Math.min(delayMs * 2, options.delay.maxMs);
    }
  }
}
