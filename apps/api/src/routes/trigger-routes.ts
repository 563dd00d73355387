import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RunTrigger } from '@hub/db';
import { startReplenishmentRun, UnknownWarehouseError } from '@hub/replenishment';
import { z } from 'zod';
import { API_ERROR_CODES, ApiError, invalidInput } from '../api-error';
import type { ApiDependencies } from '../dependencies';
import { BODY_FIELD, optionalJsonBody, validate } from '../middleware/validate';

const WAREHOUSE_ID = 'warehouse_id';
const ENDPOINT_TRIGGER: RunTrigger = 'endpoint';
const QUEUED = 'queued';
/** The body names one warehouse at most; a larger one is not a trigger and is not read into memory. */
const MAX_BODY_BYTES = 16 * 1024;

const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, API_ERROR_CODES.payloadTooLarge, `The request body exceeds ${MAX_BODY_BYTES} bytes; send at most {"warehouse_id": "<uuid>"}`, BODY_FIELD);
  },
});

// Strict: a misspelt parameter (warehouseId) must not silently widen the run to every warehouse.
const triggerParameters = z.strictObject({ [WAREHOUSE_ID]: z.uuid({ error: 'must be a UUID' }).optional() });

/** The one target a request names, from the query string or the body; both only when they agree. */
function pickWarehouseId(fromQuery: string | undefined, fromBody: string | undefined): string | null {
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery.toLowerCase() !== fromBody.toLowerCase()) {
    throw invalidInput(WAREHOUSE_ID, 'warehouse_id differs between the query string and the body; give it once', API_ERROR_CODES.conflictingValues);
  }
  return fromQuery ?? fromBody ?? null;
}

/** POST /internal-replenishment: queue a run and answer 202 at once; the run goes on in the background. */
export function triggerRoutes(deps: ApiDependencies): Hono {
  return new Hono().post(
    '/internal-replenishment',
    validate('query', triggerParameters),
    limitBody,
    optionalJsonBody(triggerParameters),
    async (c) => {
      const warehouseId = pickWarehouseId(c.req.valid('query')[WAREHOUSE_ID], c.req.valid('json')[WAREHOUSE_ID]);
      const requestId = c.get('requestId');
      const run = await startReplenishmentRun(deps, { trigger: ENDPOINT_TRIGGER, requestId, warehouseId }).catch((error: unknown) => {
        if (error instanceof UnknownWarehouseError) {
          const message = `warehouse_id ${error.warehouseId} is not a known warehouse; GET /api/v1/warehouses lists them`;
          throw invalidInput(WAREHOUSE_ID, message, API_ERROR_CODES.unknownWarehouse);
        }
        throw error;
      });
      deps.onRunStarted?.(run.completion);
      await deps.logger.info('Internal replenishment triggered', {
        runId: run.runId, requestId, step: 'trigger', status: QUEUED, payload: { trigger: ENDPOINT_TRIGGER, warehouseId },
      });
      return c.json({ run_id: run.runId, request_id: requestId, status: QUEUED }, 202);
    },
  );
}
