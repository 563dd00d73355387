import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** Error codes in the 1С error shape `{ error: { code, message } }`. */
export const SANDBOX_ERROR_CODES = {
  unauthorized: 'unauthorized',
  missingIdempotencyKey: 'missing_idempotency_key',
  validation: 'validation_failed',
  notFound: 'not_found',
  idempotencyConflict: 'idempotency_conflict',
  alreadyClosed: 'already_closed',
  injectedFault: 'injected_fault',
  internal: 'internal_error',
} as const;

/** A refusal the sandbox answers with, in the same JSON shape the 1С contract promises. */
export class SandboxError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(status: ContentfulStatusCode, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxError';
    this.status = status;
    this.code = code;
  }
}

/** A 422 naming the first wrong field, e.g. `lines.0.quantity: Too small: expected number to be >0`. */
export function validationError(error: z.ZodError, what: string): SandboxError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || what;
  return new SandboxError(422, SANDBOX_ERROR_CODES.validation, `${field}: ${issue?.message ?? 'invalid'}`, {
    cause: error,
  });
}

/** The 1С error body. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The app's one error mapping: known refusals keep their status, anything else is a 500 without a stack. */
export function respondToError(error: Error, c: Context): Response {
  if (error instanceof SandboxError) return c.json(errorBody(error.code, error.message), error.status);
  // Hono's basicAuth throws an HTTPException that already carries our JSON 401.
  if (error instanceof HTTPException) return error.getResponse();
  return c.json(errorBody(SANDBOX_ERROR_CODES.internal, 'the sandbox failed to handle the request'), 500);
}

/** Unknown routes answer in the same JSON shape. */
export function respondNotFound(c: Context): Response {
  return c.json(errorBody(SANDBOX_ERROR_CODES.notFound, `no route for ${c.req.method} ${c.req.path}`), 404);
}
