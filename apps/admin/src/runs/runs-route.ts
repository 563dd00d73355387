import { UnknownCursorError, type SessionFactory } from '@hub/db';
import { findRun, findWarehouse, listRuns, listWarehouses, readRunOrders } from '@hub/replenishment';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminEnv } from '../admin-env';
import type { HubApi } from '../hub-api';
import { currentMessages } from '../i18n/messages';
import { readTriggerFlash } from '../trigger-flash';
import { renderNewRunPage } from '../views/new-run-page';
import { renderRunDetailPage, renderRunNotFoundPage } from '../views/runs-detail-page';
import { renderRunsListPage, type RunsListModel } from '../views/runs-list-page';
import { parseRunsRequest, readRunsForm, runIdSchema, RUNS_PAGE_SIZE, type RunsRequest } from './runs-request';

interface RunsRouteDeps {
  sessions: SessionFactory;
  api: HubApi;
  apiOrigin: string;
  /** Where the run's log link ends. */
  now: () => Date;
}

/** What the list shows below the filters, read straight from the database like the outbox page. */
async function readOutcome(sessions: SessionFactory, request: RunsRequest): Promise<RunsListModel['outcome']> {
  if (request.kind === 'invalid') return request;
  const { filters, cursorField } = request;
  const em = sessions.open();
  try {
    const page = await listRuns(em, { ...filters, limit: RUNS_PAGE_SIZE });
    // Targets are hub ids; the operator reads warehouse codes.
    const warehouses = new Map((await listWarehouses(em)).map((warehouse) => [warehouse.id, warehouse]));
    return { kind: 'runs', filters, runs: page.items, nextCursor: page.nextCursor, warehouses };
  } catch (error) {
    if (error instanceof UnknownCursorError) return { kind: 'invalid', problems: [currentMessages().runs.cursorUnknown(cursorField)] };
    throw error;
  }
}

// A malformed warehouse is not worth an error page here: the form simply shows "all warehouses".
const newRunQuerySchema = z.object({
  warehouse_id: z.uuid().optional().catch(undefined),
  preview: z.literal('1').optional().catch(undefined),
});

/**
 * `GET /runs/new`: choose a warehouse or all; with `preview=1`, the API's dry run for it, every
 * planned line explained, and Start with the same choice.
 * `GET /runs`: replenishment runs newest first, filtered by status and trigger.
 * `GET /runs/:id`: one run with its orders, every line with the numbers that produced it.
 */
export function createRunsRoute(deps: RunsRouteDeps): Hono<AdminEnv> {
  return new Hono<AdminEnv>()
    .get('/new', async (c) => {
      const { warehouse_id: warehouseId, preview } = newRunQuerySchema.parse(c.req.query());
      const [warehouses, planned] = await Promise.all([
        deps.api.listWarehouses(),
        preview === '1' ? deps.api.previewRun(warehouseId) : Promise.resolve(undefined),
      ]);
      const flash = readTriggerFlash(c.req.query());
      return c.html(renderNewRunPage({ warehouses, warehouseId, flash, apiOrigin: deps.apiOrigin, ...(planned ? { preview: planned } : {}) }));
    })
    .get('/', async (c) => {
      const form = readRunsForm(c.req.query());
      const outcome = await readOutcome(deps.sessions, parseRunsRequest(form));
      return c.html(renderRunsListPage({ form, outcome }), outcome.kind === 'invalid' ? 422 : 200);
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const runId = runIdSchema.safeParse(id);
      if (!runId.success) return c.html(renderRunNotFoundPage({ kind: 'malformed', id }), 400);
      const em = deps.sessions.open();
      const run = await findRun(em, runId.data);
      if (run === null) return c.html(renderRunNotFoundPage({ kind: 'unknown', id: runId.data }), 404);
      const orders = await readRunOrders(em, run.id);
      const target = run.targetWarehouseId === null ? null : await findWarehouse(em, run.targetWarehouseId);
      return c.html(renderRunDetailPage({ run, orders, target, now: deps.now() }));
    });
}
