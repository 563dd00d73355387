import type { Context } from 'hono';
import { API_ERROR_CODES, NEXT_CURSOR_FIELDS } from '@hub/api-contract';
import { UnknownCursorError } from '@hub/db';
import { ExternalSystemError, type ExternalSystem } from '@hub/integrations';
import { InvalidRunRequestError, RunInProgressError, UnknownWarehouseError } from '@hub/replenishment';
import { ApiError } from './api-error';
import { REQUEST_ID_HEADER } from './context';

/** What an answer says besides its status and code. */
interface ErrorDetails {
  message: string;
  field?: string;
  runId?: string;
}

/** One row of the table: a lib's error class, the status and code the API answers it with, and the rest of the body. */
export interface LibErrorMapping<E extends Error = Error> {
  type: abstract new (...args: never[]) => E;
  status: ApiError['status'];
  code: ApiError['code'];
  // A method, so a row for a subclass fits the table's row type.
  describe(error: E, c: Context): ErrorDetails;
}

function row<E extends Error>(
  type: LibErrorMapping<E>['type'],
  status: ApiError['status'],
  code: ApiError['code'],
  describe: (error: E, c: Context) => ErrorDetails,
): LibErrorMapping<E> {
  return { type, status, code, describe };
}

const SYSTEM_NAMES: Record<ExternalSystem, string> = { '1c': '1С', moysklad: 'МойСклад' };
/** The lib's names of a run request's fields, as a client of the API spells them. */
const RUN_REQUEST_FIELDS: Record<InvalidRunRequestError['field'], string> = { requestId: REQUEST_ID_HEADER, warehouseId: 'warehouse_id' };

/**
 * Every lib error the API answers with something other than a 500, in one table: routes call
 * the libs and let these propagate to `onError`. The first row whose class matches wins, so a
 * subclass's row goes above its parent's.
 */
export const LIB_ERROR_MAPPINGS: readonly LibErrorMapping[] = [
  row(UnknownWarehouseError, 422, API_ERROR_CODES.unknownWarehouse, (error) => ({
    field: 'warehouse_id',
    message: `warehouse_id ${error.warehouseId} is not a known warehouse; GET /api/v1/warehouses lists them`,
  })),
  row(InvalidRunRequestError, 422, API_ERROR_CODES.invalidValue, (error) => ({
    field: RUN_REQUEST_FIELDS[error.field],
    message: `${RUN_REQUEST_FIELDS[error.field]} is invalid: ${error.message}`,
  })),
  row(RunInProgressError, 409, API_ERROR_CODES.runInProgress, (error) => ({
    message: `${error.message}; GET /api/v1/runs/${error.activeRunId} shows it`,
    runId: error.activeRunId,
  })),
  row(UnknownCursorError, 422, API_ERROR_CODES.unknownCursor, (error, c) => {
    // The field the client gave the cursor in (the outbox also takes `before`), as validateListQuery noted it.
    const field = c.get('cursorField') ?? 'cursor';
    return { field, message: `${error.message}: pass the ${NEXT_CURSOR_FIELDS[field]} of the previous page` };
  }),
  // Only a dry run reads an outside system while a request waits; a run does so in the background.
  row(ExternalSystemError, 502, API_ERROR_CODES.upstreamFailed, (error) => ({
    message: `The dry run could not read ${SYSTEM_NAMES[error.system]}: ${error.message}`,
  })),
];

/** The API's answer to a lib error, or null when the table has no row for it (onError then answers 500). */
export function mapLibError(error: Error, c: Context): ApiError | null {
  const mapping = LIB_ERROR_MAPPINGS.find((candidate) => error instanceof candidate.type);
  if (!mapping) return null;
  const { message, field, runId } = mapping.describe(error, c);
  return new ApiError(mapping.status, mapping.code, message, field, { cause: error, ...(runId === undefined ? {} : { runId }) });
}
