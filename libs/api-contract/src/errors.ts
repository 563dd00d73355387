import { z } from '@hono/zod-openapi';

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
export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];

const ERROR_CODES = Object.values(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]];

const errorFields = {
  // `http_<status>` is an HTTPException of the framework's that no route of ours throws on purpose.
  code: z.union([z.enum(ERROR_CODES), z.string().regex(/^http_\d{3}$/)]).openapi({ description: 'What went wrong, for a client to branch on' }),
  message: z.string().openapi({ description: 'What went wrong, for people; a 500 quotes the request id' }),
  field: z.string().optional().openapi({ description: 'The parameter or body field a 422 (or 404, 409) is about, as the client spelled it' }),
  run_id: z.uuid().optional().openapi({ description: 'The run in progress a `run_in_progress` 409 is about' }),
};

/** Every error answer: `{ error: { code, message, field?, run_id? } }`. */
export const apiErrorSchema = z.object({ error: z.object(errorFields) }).openapi('ApiError');

/** The trigger's 409: a run for an overlapping target is queued or running, and this is it. */
export const runInProgressSchema = z
  .object({ error: z.object({ ...errorFields, code: z.literal(API_ERROR_CODES.runInProgress), run_id: z.uuid() }) })
  .openapi('RunInProgress');

export type ApiErrorAnswer = z.input<typeof apiErrorSchema>;

/** What each error status means on every route that can answer it. */
const ERROR_DESCRIPTIONS = {
  401: 'Authentication is on and the request has no valid `Authorization: Bearer <API_TOKEN>` or `X-Admin-Token: <API_TOKEN>` (code `unauthorized`, header `WWW-Authenticate: Bearer`)',
  404: 'Nothing has this id (code `not_found`, `field` names the parameter)',
  409: 'The request conflicts with the current state',
  413: 'The body is over the size limit (code `payload_too_large`, `field` `body`)',
  422: 'A parameter or body field is invalid (`field` names it)',
  500: 'An error the API did not expect (code `internal_error`); the message quotes the request id, the details are in integration_logs',
  502: 'An outside system the request had to read failed (code `upstream_failed`)',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const errorResponse = (status: ErrorStatus, description?: string) => ({
  description: description ?? ERROR_DESCRIPTIONS[status],
  content: { 'application/json': { schema: apiErrorSchema } },
});

/**
 * The error answers of a route, by status, in the one error shape; `descriptions` says what a
 * status means on this route when the general wording is not enough.
 */
export function errorResponses<S extends ErrorStatus>(statuses: readonly S[], descriptions: Partial<Record<S, string>> = {}) {
  return Object.fromEntries(statuses.map((status) => [status, errorResponse(status, descriptions[status])])) as {
    [K in S]: ReturnType<typeof errorResponse>;
  };
}

/** Every answer of a route behind the bearer token can also be these. */
export const GUARDED_ERRORS = [401, 500] as const;
