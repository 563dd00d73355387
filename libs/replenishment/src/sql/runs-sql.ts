import {
  keysetTable,
  newestFirst,
  olderThanCursor,
  readKeysetPage,
  toDate,
  toDateOrNull,
  type EntityManager,
  type KeysetPage,
  type KeysetPageRequest,
  type RunStatus,
  type RunTrigger,
} from '@hub/db';

const INSERT_RUN = `
  insert into replenishment_runs (id, trigger, request_id, target_warehouse_id, parameters, status, started_by)
  values (?::uuid, ?, ?::uuid, ?::uuid, ?::jsonb, ?, ?)`;

const MARK_RUN_RUNNING = `
  update replenishment_runs set status = ?, started_at = now() where id = ?::uuid`;

const MARK_RUN_FINISHED = `
  update replenishment_runs set status = ?, counts = ?::jsonb, error = ?, finished_at = now() where id = ?::uuid`;

const RUN_COLUMNS = `
  id, trigger, request_id as "requestId", target_warehouse_id as "targetWarehouseId",
  parameters, status, counts, error, created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt",
  started_by as "startedBy"`;

const SELECT_RUN = `select ${RUN_COLUMNS} from replenishment_runs where id = ?::uuid`;

const RUNS = keysetTable('replenishment_runs', 'run');

// Newest first, a page at a time. Parameters: status, trigger (each null for any), the keyset's.
const SELECT_RUNS = `
  select ${RUN_COLUMNS} from replenishment_runs
  where (?::text is null or status = ?::text)
    and (?::text is null or trigger = ?::text)
    and ${olderThanCursor(RUNS)}
  ${newestFirst(RUNS)}`;

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
  /** The admin operator who started it; null for the schedule and direct API calls. */
  startedBy: string | null;
}

export interface NewRun {
  id: string;
  trigger: RunTrigger;
  requestId: string | null;
  targetWarehouseId: string | null;
  parameters: Record<string, unknown>;
  startedBy: string | null;
}

const QUEUED: RunStatus = 'queued';
const RUNNING: RunStatus = 'running';

/** Records a run as queued; it exists from this moment, before any work starts. */
export async function insertRun(em: EntityManager, run: NewRun): Promise<void> {
  await em.execute(INSERT_RUN, [run.id, run.trigger, run.requestId, run.targetWarehouseId, JSON.stringify(run.parameters), QUEUED, run.startedBy], 'run');
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

type RunRow = Omit<RunRecord, 'createdAt' | 'startedAt' | 'finishedAt'> & { createdAt: string; startedAt: string | null; finishedAt: string | null };

const toRecord = (row: RunRow): RunRecord => ({
  ...row,
  createdAt: toDate(row.createdAt),
  startedAt: toDateOrNull(row.startedAt),
  finishedAt: toDateOrNull(row.finishedAt),
});

/** One run by id, or null. */
export async function findRun(em: EntityManager, runId: string): Promise<RunRecord | null> {
  const [row] = await em.execute<RunRow[]>(SELECT_RUN, [runId], 'all');
  return row ? toRecord(row) : null;
}

/** Which runs to list: by status and trigger (each optional), a page from `cursor` on. */
export interface RunListQuery extends KeysetPageRequest {
  status?: RunStatus | undefined;
  trigger?: RunTrigger | undefined;
}

/** A page of runs, newest first. Throws UnknownCursorError (from @hub/db) when `cursor` names no run. */
export async function listRuns(em: EntityManager, query: RunListQuery): Promise<KeysetPage<RunRecord>> {
  const status = query.status ?? null;
  const trigger = query.trigger ?? null;
  const page = await readKeysetPage(em, RUNS, query, (keyset) =>
    em.execute<RunRow[]>(SELECT_RUNS, [status, status, trigger, trigger, ...keyset.cursor, keyset.limit], 'all'),
  );
  return { items: page.items.map(toRecord), nextCursor: page.nextCursor };
}
