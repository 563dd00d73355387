import type { EntityManager, RunStatus, RunTrigger } from '@hub/db';

const INSERT_RUN = `
  insert into replenishment_runs (id, trigger, request_id, target_warehouse_id, parameters, status)
  values (?::uuid, ?, ?::uuid, ?::uuid, ?::jsonb, ?)`;

const MARK_RUN_RUNNING = `
  update replenishment_runs set status = ?, started_at = now() where id = ?::uuid`;

const MARK_RUN_FINISHED = `
  update replenishment_runs set status = ?, counts = ?::jsonb, error = ?, finished_at = now() where id = ?::uuid`;

const SELECT_RUN = `
  select id, trigger, request_id as "requestId", target_warehouse_id as "targetWarehouseId",
    parameters, status, counts, error,
    extract(epoch from created_at) * 1000 as "createdAtMs",
    extract(epoch from started_at) * 1000 as "startedAtMs",
    extract(epoch from finished_at) * 1000 as "finishedAtMs"
  from replenishment_runs
  where id = ?::uuid`;

/** A run as the API shows it. */
export interface RunRecord {
  id: string;
  trigger: RunTrigger;
  requestId: string | null;
  targetWarehouseId: string | null;
  parameters: Record<string, unknown>;
  status: RunStatus;
  counts: Record<string, number>;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface NewRun {
  id: string;
  trigger: RunTrigger;
  requestId: string | null;
  targetWarehouseId: string | null;
  parameters: Record<string, unknown>;
}

const QUEUED: RunStatus = 'queued';
const RUNNING: RunStatus = 'running';

/** Records a run as queued; it exists from this moment, before any work starts. */
export async function insertRun(em: EntityManager, run: NewRun): Promise<void> {
  await em.execute(
    INSERT_RUN,
    [run.id, run.trigger, run.requestId, run.targetWarehouseId, JSON.stringify(run.parameters), QUEUED],
    'run',
  );
}

export async function markRunRunning(em: EntityManager, runId: string): Promise<void> {
  await em.execute(MARK_RUN_RUNNING, [RUNNING, runId], 'run');
}

/** Closes a run: succeeded with its counts, or failed with its error. */
export async function markRunFinished(
  em: EntityManager,
  runId: string,
  outcome: { status: Extract<RunStatus, 'succeeded' | 'failed'>; counts: Record<string, number>; error: string | null },
): Promise<void> {
  await em.execute(MARK_RUN_FINISHED, [outcome.status, JSON.stringify(outcome.counts), outcome.error, runId], 'run');
}

type RunRow = Omit<RunRecord, 'createdAt' | 'startedAt' | 'finishedAt'> & {
  createdAtMs: number | string;
  startedAtMs: number | string | null;
  finishedAtMs: number | string | null;
};

/* Timestamps travel as epoch milliseconds: the driver hands raw timestamptz over as text. */
const toDate = (ms: number | string | null): Date | null => (ms === null ? null : new Date(Number(ms)));

/** One run by id, or null. */
export async function findRun(em: EntityManager, runId: string): Promise<RunRecord | null> {
  const [row] = await em.execute<RunRow[]>(SELECT_RUN, [runId], 'all');
  if (!row) return null;
  const { createdAtMs, startedAtMs, finishedAtMs, ...run } = row;
  return { ...run, createdAt: toDate(createdAtMs) ?? new Date(Number.NaN), startedAt: toDate(startedAtMs), finishedAt: toDate(finishedAtMs) };
}
