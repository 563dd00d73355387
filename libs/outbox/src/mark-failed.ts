import type { EntityManager } from '@hub/db';
import { computeRetryDelayMs } from './backoff';
import { describeDeliveryFailure } from './describe-failure';
import { markDead, scheduleRetry } from './sql/record-failure';

/** Attempts after which an event that keeps failing is given up on. */
export const DEFAULT_MAX_ATTEMPTS = 10;

export interface MarkFailedOptions {
  /** The event's attempts when it was claimed (this failure not yet counted). */
  attempts: number;
  maxAttempts?: number;
  /** Overrides the Retry-After carried by the error, if any. */
  retryAfterMs?: number | undefined;
  /** Jitter source, for tests. */
  random?: () => number;
}

/** What became of a failed event. `lease_lost`: another replica owns it now; nothing changed. */
export type FailureOutcome =
  | { status: 'retried'; delayMs: number; error: string }
  | { status: 'dead'; error: string }
  | { status: 'lease_lost'; error: string };

/**
 * Records a failed delivery: back to pending after a backoff, or dead when the error
 * cannot be fixed by retrying or this was the last allowed attempt.
 */
export async function markFailed(
  em: EntityManager,
  id: string,
  owner: string,
  error: unknown,
  options: MarkFailedOptions,
): Promise<FailureOutcome> {
  const failure = describeDeliveryFailure(error);
  const failedAttempts = options.attempts + 1;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  if (!failure.retryable || failedAttempts >= maxAttempts) {
    const marked = await markDead(em, id, owner, failure.message);
    return { status: marked ? 'dead' : 'lease_lost', error: failure.message };
  }
  const delayMs = computeRetryDelayMs({
    failedAttempts,
    retryAfterMs: options.retryAfterMs ?? failure.retryAfterMs,
    random: options.random,
  });
  const marked = await scheduleRetry(em, id, owner, failure.message, delayMs);
  return marked ? { status: 'retried', delayMs, error: failure.message } : { status: 'lease_lost', error: failure.message };
}
