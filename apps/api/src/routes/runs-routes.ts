import { Hono } from 'hono';
import { RUN_STATUSES, RUN_TRIGGERS } from '@hub/db';
import { findRun, listRuns, readRunOrders } from '@hub/replenishment';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { validate } from '../middleware/validate';
import { pageBody, validateListQuery } from '../pagination';
import { runBody, runDetailBody } from './run-views';

const runParameters = z.object({ run_id: z.uuid({ error: 'must be a UUID' }) });

const listFilters = {
  status: z.enum(RUN_STATUSES, { error: `must be one of ${RUN_STATUSES.join(', ')}` }).optional(),
  trigger: z.enum(RUN_TRIGGERS, { error: `must be one of ${RUN_TRIGGERS.join(', ')}` }).optional(),
};

/** GET /runs (newest first, filtered, paged by cursor) and GET /runs/:run_id (with its orders). */
export function runsRoutes(deps: ApiDependencies): Hono {
  return new Hono()
    .get('/runs', validateListQuery(listFilters), async (c) => {
      const page = await listRuns(deps.sessions.open(), c.req.valid('query'));
      return c.json(pageBody(page, runBody));
    })
    .get('/runs/:run_id', validate('param', runParameters), async (c) => {
      const { run_id: runId } = c.req.valid('param');
      const em = deps.sessions.open();
      const run = await findRun(em, runId);
      if (!run) throw new ApiError(404, API_ERROR_CODES.notFound, `No run with id ${runId}`, 'run_id');
      return c.json(runDetailBody(run, await readRunOrders(em, runId)));
    });
}
