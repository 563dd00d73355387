import { API_ERROR_CODES, type ApiErrorAnswer, type ApiErrorCode } from '@hub/api-contract';

/** Every error answer's body, as the contract describes it (`apiErrorSchema`). */
export type ApiErrorBody = ApiErrorAnswer;

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
    readonly code: ApiErrorCode,
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
export function invalidInput(field: string, message: string, code: ApiErrorCode = API_ERROR_CODES.invalidValue): ApiError {
  return new ApiError(422, code, message, field);
}
