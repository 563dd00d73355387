/** Backoff of the first retry; each further failure doubles the window. */
export const RETRY_BASE_DELAY_MS = 1_000;
/** No retry waits longer than this, however many failures came before (unless the other side asks). */
export const RETRY_MAX_DELAY_MS = 10 * 60 * 1_000;
/**
 * The longest Retry-After honoured. A header of absurd size (a misconfigured proxy, a
 * date years ahead) must neither park an event for good nor overflow the delay column's
 * arithmetic and fail the whole tick.
 */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60 * 1_000;

/** The backoff window: `baseMs` after the first failure, doubling up to `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: RETRY_BASE_DELAY_MS, maxMs: RETRY_MAX_DELAY_MS };

export interface RetryDelayInput {
  /** Failed attempts including the one that just happened (1 for the first failure). */
  failedAttempts: number;
  /** The other side's retry interval (`Retry-After` or its own header), when it sent one. */
  retryAfterMs?: number | undefined;
  /** A number in [0, 1); injectable so tests can pin the jitter. */
  random?: (() => number) | undefined;
  /** The window; {@link DEFAULT_BACKOFF} when omitted. */
  policy?: BackoffPolicy | undefined;
}

/**
 * Exponential backoff with full jitter: a uniformly random wait between 0 and
 * min(cap, base · 2^(failures − 1)). Full jitter spreads the retries of many events that
 * failed together (an outage) instead of sending them back in one wave. When the other
 * side named a longer wait, its wish wins (up to a day): retrying earlier would only be
 * refused again, so the result is never shorter than the interval it asked for.
 */
export function computeRetryDelayMs(input: RetryDelayInput): number {
  const random = input.random ?? Math.random;
  const { baseMs, maxMs } = input.policy ?? DEFAULT_BACKOFF;
  const exponent = Math.max(0, input.failedAttempts - 1);
  // 2^exponent overflows to Infinity long after it passed the cap; Math.min handles both.
  const window = Math.min(maxMs, baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * window);
  return Math.max(jittered, Math.ceil(Math.min(input.retryAfterMs ?? 0, RETRY_AFTER_MAX_MS)));
}
