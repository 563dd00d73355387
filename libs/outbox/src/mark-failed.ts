import type { EntityManager } from '@hub/db';
import type { AggregateHookRegistry } from './aggregate-hooks';
import { computeRetryDelayMs, type BackoffPolicy } from './backoff';
import { describeDeliveryFailure } from './describe-failure';
import { DEFAULT_OUTBOX_SETTINGS } from './settings';
import { markDead, scheduleRetry } from './sql/record-failure';

/** Attempts after which an event that keeps failing is given up on. */
export const DEFAULT_MAX_ATTEMPTS = DEFAULT_OUTBOX_SETTINGS.maxAttempts;

export interface MarkFailedOptions {
  /** The event's attempts, the failed one included (as claimed). */
  attempts: number;
  maxAttempts?: number;
  /** Overrides the retry interval carried by the error, if any. */
  retryAfterMs?: number | undefined;
  backoff?: BackoffPolicy | undefined;
  /** Jitter source, for tests. */
  random?: () => number;
  /** Told when the event goes dead, in the same transaction. */
  hooks: AggregateHookRegistry;
}

/** What became of a failed event. `lease_lost`: another replica owns it now; nothing changed. */
export type FailureOutcome =
  { status: 'retried'; delayMs: number; error: string } | { status: 'dead'; error: string } | { status: 'lease_lost'; error: string };

/**
 * Records a failed delivery: back to pending after a backoff (never sooner than the other
 * side asked), or dead — its aggregate's `dead` hook told in the same transaction — when the
 * error cannot be fixed by retrying or this was the last allowed attempt.
 */
export async function markFailed(em: EntityManager, id: string, owner: string, error: unknown, options: MarkFailedOptions): Promise<FailureOutcome> {
  const failure = describeDeliveryFailure(error);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  if (!failure.retryable || options.attempts >= maxAttempts) {
    const marked = await markDead(em, id, owner, failure.message, options.hooks);
    return { status: marked ? 'dead' : 'lease_lost', error: failure.message };
  }
  const delayMs = computeRetryDelayMs({
    failedAttempts: options.attempts,
    retryAfterMs: options.retryAfterMs ?? failure.retryAfterMs,
    random: options.random,
    policy: options.backoff,
  });
  const marked = await scheduleRetry(em, id, owner, failure.message, delayMs);
  return marked ? { status: 'retried', delayMs, error: failure.message } : { status: 'lease_lost', error: failure.message };
}
