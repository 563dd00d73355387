import { Hono } from 'hono';
import { RUN_STATUSES, RUN_TRIGGERS, UnknownCursorError } from '@hub/db';
import { findRun, listRuns, readRunOrders } from '@hub/replenishment';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError, invalidInput } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { validate } from '../middleware/validate';
import { runBody, runDetailBody } from './run-views';

/** Runs per page unless `limit` says otherwise, and the most it may say. */
export const DEFAULT_RUNS_PAGE = 50;
export const MAX_RUNS_PAGE = 200;

const runParameters = z.object({ run_id: z.uuid({ error: 'must be a UUID' }) });

const listParameters = z.strictObject({
  status: z.enum(RUN_STATUSES, { error: `must be one of ${RUN_STATUSES.join(', ')}` }).optional(),
  trigger: z.enum(RUN_TRIGGERS, { error: `must be one of ${RUN_TRIGGERS.join(', ')}` }).optional(),
  limit: z
    .string()
    .regex(/^\d+$/, { error: `must be a whole number from 1 to ${MAX_RUNS_PAGE}` })
    .transform(Number)
    .pipe(z.number().min(1, { error: 'must be at least 1' }).max(MAX_RUNS_PAGE, { error: `must be at most ${MAX_RUNS_PAGE}` }))
    .optional(),
  cursor: z.uuid({ error: 'must be the next_cursor of the previous page' }).optional(),
});

/** GET /runs (newest first, filtered, paged by cursor) and GET /runs/:run_id (with its orders). */
export function runsRoutes(deps: ApiDependencies): Hono {
  return new Hono()
    .get('/runs', validate('query', listParameters), async (c) => {
      const query = c.req.valid('query');
      const page = await listRuns(deps.sessions.open(), {
        status: query.status, trigger: query.trigger, cursor: query.cursor, limit: query.limit ?? DEFAULT_RUNS_PAGE,
      }).catch((error: unknown) => {
        if (error instanceof UnknownCursorError) throw invalidInput('cursor', `${error.message}: pass the next_cursor of the previous page`, API_ERROR_CODES.unknownCursor);
        throw error;
      });
      return c.json({ items: page.items.map(runBody), next_cursor: page.nextCursor });
    })
    .get('/runs/:run_id', validate('param', runParameters), async (c) => {
      const { run_id: runId } = c.req.valid('param');
      const em = deps.sessions.open();
      const run = await findRun(em, runId);
      if (!run) throw new ApiError(404, API_ERROR_CODES.notFound, `No run with id ${runId}`, 'run_id');
      return c.json(runDetailBody(run, await readRunOrders(em, runId)));
    });
}
