import { EMPTY_BATCH_RESULT, processOutboxBatch, type OutboxBatchResult, type ProcessOutboxBatchOptions } from './process-batch';
import { resolveOutboxSettings } from './settings';

export interface DrainOutboxOptions extends ProcessOutboxBatchOptions {
  /** Checked between batches: once aborted, no further batch is claimed (the running one finishes). */
  signal?: AbortSignal | undefined;
}

/** The counts of every batch of a drain, added up, and how many batches it took. */
export interface DrainResult extends OutboxBatchResult {
  batches: number;
}

/**
 * Processes batches until one comes back less than full — nothing more is due right now —
 * or `signal` aborts. What a scheduler tick does: a backlog is worked off at once instead
 * of one batch per tick, while a quiet outbox costs one claim.
 */
export async function drainOutbox(options: DrainOutboxOptions): Promise<DrainResult> {
  const settings = resolveOutboxSettings(options);
  const total: DrainResult = { ...EMPTY_BATCH_RESULT, batches: 0 };
  while (!options.signal?.aborted) {
    const batch = await processOutboxBatch({ ...options, ...settings });
    total.batches += 1;
    for (const key of Object.keys(EMPTY_BATCH_RESULT) as Array<keyof OutboxBatchResult>) total[key] += batch[key];
    if (batch.claimed < settings.batchSize) break;
  }
  return total;
}
