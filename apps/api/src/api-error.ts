/** The codes an error answer's `error.code` can take. */
export const API_ERROR_CODES = {
  invalidValue: 'invalid_value',
  unknownField: 'unknown_field',
  malformedJson: 'malformed_json',
  payloadTooLarge: 'payload_too_large',
  conflictingValues: 'conflicting_values',
  unknownWarehouse: 'unknown_warehouse',
  unknownCursor: 'unknown_cursor',
  runInProgress: 'run_in_progress',
  upstreamFailed: 'upstream_failed',
  notFound: 'not_found',
  eventNotDead: 'event_not_dead',
  unauthorized: 'unauthorized',
  internal: 'internal_error',
} as const;

/** Every error answer's body: `{ error: { code, message, field?, run_id? } }`; `run_id` names the run in progress of a `run_in_progress` 409. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; run_id?: string };
}

/**
 * An error the API answers with as is: its status, a code a client can branch on, a
 * message for people, and for bad input the field it concerns. `onError` turns it into
 * the response; nothing else builds error bodies.
 */
export class ApiError extends Error {
  /** The run a conflict is about. */
  readonly runId: string | undefined;

  constructor(
    readonly status: 401 | 404 | 409 | 413 | 422 | 500 | 502,
    readonly code: (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES],
    message: string,
    readonly field?: string,
    options?: { cause?: unknown; runId?: string },
  ) {
    super(message, options);
    this.runId = options?.runId;
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.runId === undefined ? {} : { run_id: this.runId }),
      },
    };
  }
}

/** 422 for a value that is present but wrong; `field` names it as the client spelled it. */
export function invalidInput(field: string, message: string, code: ApiError['code'] = API_ERROR_CODES.invalidValue): ApiError {
  return new ApiError(422, code, message, field);
}
