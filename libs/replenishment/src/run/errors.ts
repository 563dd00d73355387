/** Codes of the errors a caller of this lib can act on (the API maps them to 422). */
export const REPLENISHMENT_ERROR_CODES = {
  unknownWarehouse: 'unknown_warehouse',
  invalidRunRequest: 'invalid_run_request',
  runInProgress: 'run_in_progress',
} as const;

/** A run was asked for a target warehouse the hub does not know. */
export class UnknownWarehouseError extends Error {
  readonly code = REPLENISHMENT_ERROR_CODES.unknownWarehouse;
  constructor(readonly warehouseId: string) {
    super(`No warehouse with id ${warehouseId}; GET /api/v1/warehouses lists the known ones.`);
    this.name = 'UnknownWarehouseError';
  }
}

/** A run request with a malformed field (ids must be UUIDs); `field` names it. */
export class InvalidRunRequestError extends Error {
  readonly code = REPLENISHMENT_ERROR_CODES.invalidRunRequest;
  constructor(readonly field: 'requestId' | 'warehouseId', message: string) {
    super(message);
    this.name = 'InvalidRunRequestError';
  }
}

/**
 * A run for an overlapping target (the same warehouse, or all warehouses on either side)
 * is queued or running; `activeRunId` names it. Nothing was written.
 */
export class RunInProgressError extends Error {
  readonly code = REPLENISHMENT_ERROR_CODES.runInProgress;
  constructor(readonly activeRunId: string, readonly warehouseId: string | null) {
    const target = warehouseId === null ? 'all warehouses' : `warehouse ${warehouseId}`;
    super(`A replenishment run overlapping ${target} is in progress: run ${activeRunId}; wait for it to finish`);
    this.name = 'RunInProgressError';
  }
}

/** Longest error text kept on a run row; the full chain is in the ERROR log row. */
const RUN_ERROR_MAX_LENGTH = 2_000;

/**
 * One line for the run's `error` column: the error's name, code when it has one, and
 * message. Messages of ExternalSystemError are free of credentials by construction.
 */
export function describeRunError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, RUN_ERROR_MAX_LENGTH);
  const code = (error as { code?: unknown }).code;
  const prefix = typeof code === 'string' && code !== '' ? `${error.name} [${code}]` : error.name;
  return `${prefix}: ${error.message}`.slice(0, RUN_ERROR_MAX_LENGTH);
}
