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
  constructor(
    readonly field: 'requestId' | 'warehouseId',
    message: string,
  ) {
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
  constructor(
    readonly activeRunId: string,
    readonly warehouseId: string | null,
  ) {
    const target = warehouseId === null ? 'all warehouses' : `warehouse ${warehouseId}`;
    super(`A replenishment run overlapping ${target} is in progress: run ${activeRunId}; wait for it to finish`);
    this.name = 'RunInProgressError';
  }
}

/** Longest error text kept on a run row; the full chain is in the ERROR log row. */
const RUN_ERROR_MAX_LENGTH = 2_000;

/** How much of a failed statement the run's `error` keeps after PostgreSQL's own message. */
const STATEMENT_EXCERPT_LENGTH = 200;
/** Between the statement and PostgreSQL's message in a driver error (knex writes `${sql} - ${message}`). */
const STATEMENT_SEPARATOR = ' - ';

/**
 * A database error's message with PostgreSQL's words first: the driver puts the whole
 * statement, parameters inlined, before them, and a batch statement runs to megabytes.
 */
function databaseMessage(error: Error): string {
  const fromPostgres = typeof (error as { severity?: unknown }).severity === 'string';
  const at = error.message.lastIndexOf(STATEMENT_SEPARATOR);
  if (!fromPostgres || at < 0) return error.message;
  const statement = error.message.slice(0, at).replace(/\s+/g, ' ').trim();
  const excerpt = statement.length > STATEMENT_EXCERPT_LENGTH ? `${statement.slice(0, STATEMENT_EXCERPT_LENGTH)}…` : statement;
  return `${error.message.slice(at + STATEMENT_SEPARATOR.length)} (in: ${excerpt})`;
}

/**
 * One line for the run's `error` column: the error's name, code when it has one, and
 * message (a database error's own words before the statement that met it). Messages of
 * ExternalSystemError are free of credentials by construction.
 */
export function describeRunError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, RUN_ERROR_MAX_LENGTH);
  const code = (error as { code?: unknown }).code;
  const prefix = typeof code === 'string' && code !== '' ? `${error.name} [${code}]` : error.name;
  return `${prefix}: ${databaseMessage(error)}`.slice(0, RUN_ERROR_MAX_LENGTH);
}
