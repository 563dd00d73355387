import { OpenAPIHono } from '@hono/zod-openapi';
import { API_ERROR_CODES, MAX_TRIGGER_BODY_BYTES, triggerBodySchema, triggerRoute } from '@hub/api-contract';
import type { RunTrigger } from '@hub/db';
import { planDryRun, startReplenishmentRun } from '@hub/replenishment';
import { invalidInput } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { readOperator } from '../middleware/operator';
import { readOptionalJsonBody } from '../middleware/validate';
import { dryRunBody } from './run-views';

const WAREHOUSE_ID = 'warehouse_id';
const TRIGGER = 'trigger';
const QUEUED = 'queued' as const;
const DEFAULT_TRIGGER: RunTrigger = 'endpoint';

/** The one value a request gives a field, from the query string or the body; both only when they agree. */
function pickOnce<T extends string>(field: string, fromQuery: T | undefined, fromBody: T | undefined): T | undefined {
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery.toLowerCase() !== fromBody.toLowerCase()) {
    throw invalidInput(field, `${field} differs between the query string and the body; give it once`, API_ERROR_CODES.conflictingValues);
  }
  return fromQuery ?? fromBody;
}

/**
 * The trigger as OpenAPIHono validates it: the query string only. The document keeps the route's
 * body (registered as it is); the handler reads the body itself, whatever its Content-Type.
 */
const { body: _body, ...triggerParameters } = triggerRoute.request;
const triggerValidation = { ...triggerRoute, request: triggerParameters, hide: true };

/**
 * POST /api/v1/trigger/internal-replenishment: queue a run and answer 202 at once (the run goes
 * on in the background), or 409 naming the run in progress for an overlapping target. With
 * `dry_run=true`: plan now and answer 200 with the plan, writing nothing.
 */
export function triggerRoutes(deps: ApiDependencies): OpenAPIHono {
  const routes = new OpenAPIHono();
  routes.openAPIRegistry.registerPath(triggerRoute);
  return routes.openapi(triggerValidation, async (c) => {
    const query = c.req.valid('query');
    const body = await readOptionalJsonBody(c, triggerBodySchema, MAX_TRIGGER_BODY_BYTES);
    const warehouseId = pickOnce(WAREHOUSE_ID, query[WAREHOUSE_ID], body[WAREHOUSE_ID]) ?? null;
    const trigger = pickOnce(TRIGGER, query[TRIGGER], body[TRIGGER]) ?? DEFAULT_TRIGGER;
    const requestId = c.get('requestId');
    const startedBy = readOperator(c);
    if (query.dry_run === true) {
      const plan = await planDryRun(deps, { requestId, warehouseId });
      return c.json(dryRunBody(plan, requestId), 200);
    }
    const run = await startReplenishmentRun(deps, { trigger, requestId, warehouseId, startedBy });
    deps.onRunStarted?.(run.completion);
    await deps.logger.info('Internal replenishment triggered', {
      runId: run.runId,
      requestId,
      step: 'trigger',
      status: QUEUED,
      payload: { trigger, warehouseId, startedBy },
    });
    return c.json({ run_id: run.runId, request_id: requestId, status: QUEUED }, 202);
  });
}
