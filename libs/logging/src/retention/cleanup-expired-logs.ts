import { tryLockForTransaction, type SessionFactory } from '@hub/db';
import type { LoggerService } from '../logger-service';
import { retentionCutoff } from './retention-settings';
import { cleanupFinishedWithin, deleteExpiredLogBatch, LOG_CLEANUP_FINISHED, LOG_CLEANUP_JOB_NAME } from './retention-sql';

/** Rows per DELETE: each batch is one short statement, so a batch's locks are held for milliseconds. */
export const DEFAULT_CLEANUP_BATCH_SIZE = 2_000;
/** Rows one cleanup removes at most; a backlog larger than this (a first run on years of logs) goes over several days. */
export const DEFAULT_CLEANUP_MAX_ROWS = 1_000_000;
/**
 * A cleanup finished this recently (by any replica) means today's is done: replicas whose clocks
 * fire a little apart, after the first one released the lock, do not run it again.
 */
export const CLEANUP_ONCE_PER_HOURS = 12;

export interface LogCleanupDeps {
  sessions: SessionFactory;
  /** Writes the cleanup's outcome to integration_logs (the admin and the next replica read it there). */
  logger: LoggerService;
}

export interface LogCleanupOptions {
  retention: { days: number };
  /** The clock the cutoff is computed from. */
  now?: () => Date;
  batchSize?: number;
  maxRows?: number;
  /** Awaited after each batch with the running totals (tests use it to act while the cleanup runs). */
  afterBatch?: (progress: { batches: number; removed: number }) => Promise<void> | void;
}

/**
 * How a cleanup ended. `completed`: `complete` says every expired row is gone, false when the
 * per-run bound stopped it first. `skipped`: another replica holds the cleanup lock, or a cleanup
 * finished in the last CLEANUP_ONCE_PER_HOURS. `failed`: the database refused a statement; the
 * rows removed until then stay removed.
 */
export type LogCleanupResult =
  | { status: 'completed'; cutoff: Date; removed: number; batches: number; complete: boolean }
  | { status: 'skipped'; reason: 'running-elsewhere' | 'done-recently' }
  | { status: 'failed'; cutoff: Date; removed: number; error: string };

/**
 * Removes the `integration_logs` rows older than the retention, in batches of their own
 * transactions, under the logRetention advisory lock (held by an idle transaction of its own), and
 * logs the outcome under LOG_CLEANUP_JOB_NAME. Never rejects.
 */
export async function cleanupExpiredLogs(deps: LogCleanupDeps, options: LogCleanupOptions): Promise<LogCleanupResult> {
  const cutoff = retentionCutoff(options.retention, (options.now ?? (() => new Date()))());
  const progress = { batches: 0, removed: 0 };
  try {
    return await deps.sessions.withSession(async (lockSession) => {
      if (!(await tryLockForTransaction(lockSession, 'logRetention'))) return { status: 'skipped', reason: 'running-elsewhere' } as const;
      // Read on another session: the lock's transaction touches no table, so it never holds up a migration's ALTER (nor the writers queued behind one).
      if (await cleanupFinishedWithin(deps.sessions.open(), CLEANUP_ONCE_PER_HOURS)) return { status: 'skipped', reason: 'done-recently' } as const;
      const complete = await deleteInBatches(deps.sessions, cutoff, options, progress);
      const result = { status: 'completed', cutoff, ...progress, complete } as const;
      // Written before the lock is released, so a replica that takes it next sees the day is done.
      await deps.logger.info(`Log cleanup removed ${progress.removed} rows older than ${cutoff.toISOString()}`, {
        jobName: LOG_CLEANUP_JOB_NAME,
        status: LOG_CLEANUP_FINISHED,
        payload: { removed: progress.removed, batches: progress.batches, cutoff: cutoff.toISOString(), retentionDays: options.retention.days, complete },
      });
      return result;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.logger.error('Log cleanup failed; the rows removed so far stay removed', {
      jobName: LOG_CLEANUP_JOB_NAME,
      status: 'failed',
      payload: { removed: progress.removed, batches: progress.batches, cutoff: cutoff.toISOString() },
      details: { error },
    });
    return { status: 'failed', cutoff, removed: progress.removed, error: message };
  }
}

/** Deletes batch after batch until one comes back short (true) or the per-run bound is reached (false). */
async function deleteInBatches(
  sessions: SessionFactory,
  cutoff: Date,
  options: LogCleanupOptions,
  progress: { batches: number; removed: number },
): Promise<boolean> {
  const batchSize = options.batchSize ?? DEFAULT_CLEANUP_BATCH_SIZE;
  const maxRows = options.maxRows ?? DEFAULT_CLEANUP_MAX_ROWS;
  while (progress.removed < maxRows) {
    const size = Math.min(batchSize, maxRows - progress.removed);
    const removed = await deleteExpiredLogBatch(sessions.open(), cutoff, size);
    progress.batches += 1;
    progress.removed += removed;
    await options.afterBatch?.({ ...progress });
    if (removed < size) return true;
  }
  return false;
}
