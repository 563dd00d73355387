import { randomUUID } from 'node:crypto';
import { withLogContext } from '@hub/logging';
import { admitRun } from '../sql/run-admission-sql';
import { findWarehouse } from '../sql/warehouses-sql';
import { describeRunError, RunInProgressError, UnknownWarehouseError } from './errors';
import { executeRun } from './execute-run';
import { optionalUuid } from './request-ids';
import type { RunDependencies, RunOutcome, RunRequest, StartedRun } from './types';

/**
 * Starts a replenishment run: records it as queued (the row exists when this resolves),
 * then runs it in the background inside the log context { runId, requestId }.
 * Throws InvalidRunRequestError for a malformed id, UnknownWarehouseError for an unknown
 * target and RunInProgressError while a run for an overlapping target is queued or
 * running, before anything is written. `completion` never rejects.
 */
export async function startReplenishmentRun(deps: RunDependencies, request: RunRequest): Promise<StartedRun> {
  const requestId = optionalUuid('requestId', request.requestId);
  const warehouseId = optionalUuid('warehouseId', request.warehouseId);
  const em = deps.sessions.open();
  if (warehouseId !== null && !(await findWarehouse(em, warehouseId))) throw new UnknownWarehouseError(warehouseId);

  const runId = randomUUID();
  const admission = await admitRun(em, {
    id: runId,
    trigger: request.trigger,
    requestId,
    targetWarehouseId: warehouseId,
    parameters: { warehouseId, dryRun: false },
    startedBy: request.startedBy ?? null,
  });
  if (!admission.admitted) throw new RunInProgressError(admission.activeRunId, warehouseId);
  // A run without a request keeps the caller's correlation (a scheduler job's id, say).
  const context = requestId === null ? { runId } : { runId, requestId };
  const completion = withLogContext(context, () => executeRun(deps, runId, warehouseId)).catch((error: unknown): RunOutcome => ({
    status: 'failed',
    error: describeRunError(error),
  }));
  return { runId, completion };
}
