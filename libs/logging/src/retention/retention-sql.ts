import { toDateOrNull, type EntityManager } from '@hub/db';

/** `integration_logs.job_name` of the daily cleanup; the scheduler runs it under this name and the admin finds its last run by it. */
export const LOG_CLEANUP_JOB_NAME = 'cleanup_integration_logs_job';
/** `integration_logs.status` of a cleanup that ran to its end (all expired rows gone, or its per-run bound reached). */
export const LOG_CLEANUP_FINISHED = 'completed';

// One statement is one short transaction: the ids come from ix_integration_logs_created_at in
// order, so each batch removes the oldest expired rows and touches no row at or after the cutoff.
// Writers insert new rows and never wait on these (a delete locks only the rows it removes).
// `= any(array(…))`, not `in (select …)`: the planner hash-joins an IN against a scan of the
// whole table (163 ms a batch at 400k rows, growing with it); the array is matched through the
// primary key (5 ms).
const DELETE_EXPIRED_BATCH = `
  delete from integration_logs
   where id = any (array (select id from integration_logs
                           where created_at < ?::timestamptz
                           order by created_at
                           limit ?::int))`;

/** Removes at most `batchSize` rows written before `cutoff`, the oldest first; resolves to how many went. */
export async function deleteExpiredLogBatch(em: EntityManager, cutoff: Date, batchSize: number): Promise<number> {
  const result = await em.execute<{ affectedRows: number }>(DELETE_EXPIRED_BATCH, [cutoff.toISOString(), batchSize], 'run');
  return result.affectedRows;
}

const FINISHED_CLEANUP_SINCE = `
  select exists (select 1 from integration_logs
                  where job_name = ? and status = ? and created_at > now() - ?::int * interval '1 hour') as "exists"`;

/** Whether a cleanup finished (on any replica) in the last `hours` hours, by the database's clock. */
export async function cleanupFinishedWithin(em: EntityManager, hours: number): Promise<boolean> {
  const [row] = await em.execute<{ exists: boolean }[]>(FINISHED_CLEANUP_SINCE, [LOG_CLEANUP_JOB_NAME, LOG_CLEANUP_FINISHED, hours], 'all');
  return row?.exists === true;
}

/** The last finished cleanup as its log row tells it. */
export interface LastLogCleanup {
  finishedAt: Date;
  removed: number;
  cutoff: Date | null;
}

/** What the admin shows of the retention: the oldest row kept and the last cleanup. */
export interface LogRetentionStatus {
  /** null when the table is empty. */
  oldestEntryAt: Date | null;
  /** null before the first cleanup (or once its row has itself expired). */
  lastCleanup: LastLogCleanup | null;
}

// min(created_at) reads one end of ix_integration_logs_created_at; the last cleanup one row of
// ix_integration_logs_job_name. The payload is the one the cleanup job writes (removed, cutoff).
const RETENTION_STATUS = `
  select (select min(created_at) from integration_logs) as oldest_entry_at,
         last.created_at as finished_at,
         last.payload ->> 'removed' as removed,
         last.payload ->> 'cutoff' as cutoff
    from (select 1) as one
    left join lateral (select created_at, payload from integration_logs
                        where job_name = ? and status = ?
                        order by created_at desc, id desc limit 1) as last on true`;

interface RetentionStatusRow {
  oldest_entry_at: string | Date | null;
  finished_at: string | Date | null;
  removed: string | null;
  cutoff: string | null;
}

/** Reads the oldest entry's time and the last finished cleanup. */
export async function readLogRetentionStatus(em: EntityManager): Promise<LogRetentionStatus> {
  const [row] = await em.execute<RetentionStatusRow[]>(RETENTION_STATUS, [LOG_CLEANUP_JOB_NAME, LOG_CLEANUP_FINISHED], 'all');
  const finishedAt = toDateOrNull(row?.finished_at ?? null);
  return {
    oldestEntryAt: toDateOrNull(row?.oldest_entry_at ?? null),
    lastCleanup: finishedAt === null ? null : { finishedAt, removed: Number(row?.removed ?? 0), cutoff: fromIsoText(row?.cutoff ?? null) },
  };
}

/** The payload's ISO time as a Date; null when absent or unreadable (a row the job did not write). */
function fromIsoText(text: string | null): Date | null {
  const date = text === null ? null : new Date(text);
  return date === null || Number.isNaN(date.getTime()) ? null : date;
}
