import { lockForTransaction, sqlArray, type EntityManager, type RunStatus } from '@hub/db';
import { insertRun, type NewRun } from './runs-sql';

/** Statuses of a run that is in progress: it blocks another run for the same target. */
export const ACTIVE_RUN_STATUSES = ['queued', 'running'] as const satisfies readonly RunStatus[];

/**
 * A run still active this long after it was created belongs to a process that stopped
 * (crashed, or shut down past its grace period): it would block every later run forever.
 * Runs take seconds to minutes; two hours is far beyond any real one.
 */
export const ABANDONED_RUN_AFTER_MS = 2 * 60 * 60 * 1000;

const FAIL_ABANDONED_RUNS = `
  update replenishment_runs
  set status = 'failed', finished_at = now(),
    error = 'Abandoned: still ' || status || ' ' || ?::integer / 60000 || ' minutes after it was created; its process stopped'
  where status = any (?::text[]) and created_at < now() - ?::integer * interval '1 millisecond'`;

/* All warehouses (null) overlaps every target, and every target overlaps all warehouses. */
const SELECT_OVERLAPPING_ACTIVE_RUN = `
  select id from replenishment_runs
  where status = any (?::text[])
    and (?::uuid is null or target_warehouse_id is null or target_warehouse_id = ?::uuid)
  order by created_at, id
  limit 1`;

/** Whether a new run was recorded, or which active run for an overlapping target stopped it. */
export type RunAdmission = { admitted: true } | { admitted: false; activeRunId: string };

const ACTIVE = sqlArray(ACTIVE_RUN_STATUSES);

/**
 * Records `run` as queued unless a run for an overlapping target is queued or running.
 * Check and insert happen under one transaction-scoped advisory lock, so two processes
 * triggering at once cannot both pass the check. Abandoned runs are failed first.
 */
export async function admitRun(em: EntityManager, run: NewRun): Promise<RunAdmission> {
  return em.transactional(async (tx) => {
    await lockForTransaction(tx, 'runAdmission');
    await tx.execute(FAIL_ABANDONED_RUNS, [ABANDONED_RUN_AFTER_MS, ACTIVE, ABANDONED_RUN_AFTER_MS], 'run');
    const [active] = await tx.execute<{ id: string }[]>(SELECT_OVERLAPPING_ACTIVE_RUN, [ACTIVE, run.targetWarehouseId, run.targetWarehouseId], 'all');
    if (active) return { admitted: false, activeRunId: active.id };
    await insertRun(tx, run);
    return { admitted: true };
  });
}
