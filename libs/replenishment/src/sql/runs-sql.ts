import { toDate, toDateOrNull, type EntityManager, type RunStatus, type RunTrigger } from '@hub/db';

const INSERT_RUN = `
  insert into replenishment_runs (id, trigger, request_id, target_warehouse_id, parameters, status)
  values (?::uuid, ?, ?::uuid, ?::uuid, ?::jsonb, ?)`;

const MARK_RUN_RUNNING = `
  update replenishment_runs set status = ?, started_at = now() where id = ?::uuid`;

const MARK_RUN_FINISHED = `
  update replenishment_runs set status = ?, counts = ?::jsonb, error = ?, finished_at = now() where id = ?::uuid`;

const RUN_COLUMNS = `
  id, trigger, request_id as "requestId", target_warehouse_id as "targetWarehouseId",
  parameters, status, counts, error, created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;

const SELECT_RUN = `select ${RUN_COLUMNS} from replenishment_runs where id = ?::uuid`;

/*
 * Newest first; the cursor is the last run of the previous page, so runs started while
 * an operator pages never shift a page. Parameters: status, trigger, cursor (each
 * optional), limit.
 */
const SELECT_RUNS = `
  select ${RUN_COLUMNS} from replenishment_runs
  where (?::text is null or status = ?::text)
    and (?::text is null or trigger = ?::text)
    and (?::uuid is null or (created_at, id) < (select c.created_at, c.id from replenishment_runs c where c.id = ?::uuid))
  order by created_at desc, id desc
  limit ?::integer`;

const RUN_EXISTS = `select 1 from replenishment_runs where id = ?::uuid`;

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

type RunRow = Omit<RunRecord, 'createdAt' | 'startedAt' | 'finishedAt'> & { createdAt: string; startedAt: string | null; finishedAt: string | null };

const toRecord = (row: RunRow): RunRecord => ({
  ...row, createdAt: toDate(row.createdAt), startedAt: toDateOrNull(row.startedAt), finishedAt: toDateOrNull(row.finishedAt),
});

/** One run by id, or null. */
export async function findRun(em: EntityManager, runId: string): Promise<RunRecord | null> {
  const [row] = await em.execute<RunRow[]>(SELECT_RUN, [runId], 'all');
  return row ? toRecord(row) : null;
}

export interface RunListQuery {
  status?: RunStatus | undefined;
  trigger?: RunTrigger | undefined;
  /** The id of the last run of the previous page. */
  after?: string | undefined;
  limit: number;
}

export interface RunPage {
  items: RunRecord[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A page of runs, newest first. Throws UnknownRunCursorError when `after` names no run. */
export async function listRuns(em: EntityManager, query: RunListQuery): Promise<RunPage> {
  const after = query.after ?? null;
  if (after !== null && (await em.execute(RUN_EXISTS, [after], 'all')).length === 0) throw new UnknownRunCursorError(after);
  const status = query.status ?? null;
  const trigger = query.trigger ?? null;
  const rows = await em.execute<RunRow[]>(SELECT_RUNS, [status, status, trigger, trigger, after, after, query.limit + 1], 'all');
  const items = rows.slice(0, query.limit).map(toRecord);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
}

/** A page cursor that names no run (a typo, or a run deleted since). */
export class UnknownRunCursorError extends Error {
  readonly code = 'unknown_cursor';
  constructor(readonly cursor: string) {
    super(`No run with id ${cursor}: pass the next_cursor of the previous page`);
    this.name = 'UnknownRunCursorError';
  }
}
