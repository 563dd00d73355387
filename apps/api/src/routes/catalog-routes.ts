import { Hono } from 'hono';
import { findRun, listWarehouses, type RunRecord } from '@hub/replenishment';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { validate } from '../middleware/validate';

const runParameters = z.object({ run_id: z.uuid({ error: 'must be a UUID' }) });

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** A run as the API shows it: snake_case, timestamps in ISO 8601, how long it took. */
function runBody(run: RunRecord) {
  return {
    id: run.id,
    trigger: run.trigger,
    request_id: run.requestId,
    target_warehouse_id: run.targetWarehouseId,
    parameters: run.parameters,
    status: run.status,
    counts: run.counts,
    error: run.error,
    created_at: iso(run.createdAt),
    started_at: iso(run.startedAt),
    finished_at: iso(run.finishedAt),
    duration_ms: run.startedAt && run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}

/** GET /warehouses (so an operator can find a warehouse_id) and GET /runs/:run_id. */
export function catalogRoutes(deps: ApiDependencies): Hono {
  return new Hono()
    .get('/warehouses', async (c) => {
      const items = await listWarehouses(deps.orm.em.fork());
      return c.json({ items });
    })
    .get('/runs/:run_id', validate('param', runParameters), async (c) => {
      const { run_id: runId } = c.req.valid('param');
      const run = await findRun(deps.orm.em.fork(), runId);
      if (!run) throw new ApiError(404, API_ERROR_CODES.notFound, `No run with id ${runId}`, 'run_id');
      return c.json(runBody(run));
    });
}
