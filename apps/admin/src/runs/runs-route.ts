import { UnknownCursorError, type SessionFactory } from '@hub/db';
import { findRun, findWarehouse, listRuns, listWarehouses, readRunOrders } from '@hub/replenishment';
import { Hono } from 'hono';
import { renderRunDetailPage, renderRunNotFoundPage } from '../views/runs-detail-page';
import { renderRunsListPage, type RunsListModel } from '../views/runs-list-page';
import { parseRunsRequest, readRunsForm, runIdSchema, RUNS_PAGE_SIZE, type RunsRequest } from './runs-request';

interface RunsRouteDeps {
  sessions: SessionFactory;
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
    if (error instanceof UnknownCursorError) return { kind: 'invalid', problems: [`${cursorField} names no run; start again from the first page`] };
    throw error;
  }
}

/**
 * `GET /runs`: replenishment runs newest first, filtered by status and trigger.
 * `GET /runs/:id`: one run with its orders, every line with the numbers that produced it.
 */
export function createRunsRoute(deps: RunsRouteDeps): Hono {
  return new Hono()
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
