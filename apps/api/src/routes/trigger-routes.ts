import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RunTrigger } from '@hub/db';
import { planDryRun, startReplenishmentRun } from '@hub/replenishment';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError, invalidInput } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { readOperator } from '../middleware/operator';
import { BODY_FIELD, optionalJsonBody, validate } from '../middleware/validate';
import { dryRunBody } from './run-views';

const WAREHOUSE_ID = 'warehouse_id';
const TRIGGER = 'trigger';
const QUEUED = 'queued';
/** Who can start a run over HTTP: a caller of this endpoint, or the admin app's button on an operator's behalf. */
const HTTP_TRIGGERS = ['endpoint', 'admin'] as const satisfies readonly RunTrigger[];
const DEFAULT_TRIGGER: RunTrigger = 'endpoint';
/** The body names one warehouse at most; a larger one is not a trigger and is not read into memory. */
const MAX_BODY_BYTES = 16 * 1024;

const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, API_ERROR_CODES.payloadTooLarge, `The request body exceeds ${MAX_BODY_BYTES} bytes; send at most {"warehouse_id": "<uuid>"}`, BODY_FIELD);
  },
});

const runFields = {
  [WAREHOUSE_ID]: z.uuid({ error: 'must be a UUID' }).optional(),
  [TRIGGER]: z.enum(HTTP_TRIGGERS, { error: `must be one of ${HTTP_TRIGGERS.join(', ')}` }).optional(),
};
// Strict: a misspelt parameter (warehouseId) must not silently widen the run to every warehouse.
const bodyParameters = z.strictObject(runFields);
const queryParameters = z.strictObject({
  ...runFields,
  dry_run: z.enum(['true', 'false'], { error: 'must be true or false' }).transform((value) => value === 'true').optional(),
});

/** The one value a request gives a field, from the query string or the body; both only when they agree. */
function pickOnce<T extends string>(field: string, fromQuery: T | undefined, fromBody: T | undefined): T | undefined {
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery.toLowerCase() !== fromBody.toLowerCase()) {
    throw invalidInput(field, `${field} differs between the query string and the body; give it once`, API_ERROR_CODES.conflictingValues);
  }
  return fromQuery ?? fromBody;
}

/**
 * POST /internal-replenishment: queue a run and answer 202 at once (the run goes on in
 * the background), or 409 naming the run in progress for an overlapping target. With
 * `dry_run=true`: plan now and answer 200 with the plan, writing nothing.
 */
export function triggerRoutes(deps: ApiDependencies): Hono {
  return new Hono().post(
    '/internal-replenishment',
    validate('query', queryParameters),
    limitBody,
    optionalJsonBody(bodyParameters),
    async (c) => {
      const query = c.req.valid('query');
      const body = c.req.valid('json');
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
        runId: run.runId, requestId, step: 'trigger', status: QUEUED, payload: { trigger, warehouseId, startedBy },
      });
      return c.json({ run_id: run.runId, request_id: requestId, status: QUEUED }, 202);
    },
  );
}
