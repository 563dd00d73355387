import { OpenAPIHono } from '@hono/zod-openapi';
import { API_ERROR_CODES, getRunRoute, listRunsRoute } from '@hub/api-contract';
import { findRun, listRuns, readRunOrders } from '@hub/replenishment';
import { ApiError } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { pageBody, pageQueryOf } from '../pagination';
import { runBody, runDetailBody } from './run-views';

/** GET /api/v1/runs (newest first, filtered, paged by cursor) and GET /api/v1/runs/{run_id} (with its orders). */
export function runsRoutes(deps: ApiDependencies): OpenAPIHono {
  return new OpenAPIHono()
    .openapi(listRunsRoute, async (c) => {
      const page = await listRuns(deps.sessions.open(), pageQueryOf(c, c.req.valid('query')));
      return c.json(pageBody(page, runBody), 200);
    })
    .openapi(getRunRoute, async (c) => {
      const { run_id: runId } = c.req.valid('param');
      const em = deps.sessions.open();
      const run = await findRun(em, runId);
      if (!run) throw new ApiError(404, API_ERROR_CODES.notFound, `No run with id ${runId}`, 'run_id');
      return c.json(runDetailBody(run, await readRunOrders(em, runId)), 200);
    });
}
