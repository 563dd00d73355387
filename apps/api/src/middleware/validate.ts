import type { Hook } from '@hono/zod-openapi';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { API_ERROR_CODES, MAX_TRIGGER_BODY_BYTES } from '@hub/api-contract';
import { ApiError, invalidInput } from '../api-error';

/** The request's JSON body as a whole, when the problem is not one field of it. */
export const BODY_FIELD = 'body';

/** The first zod issue as a 422 naming its field (or the unknown key). */
export function toValidationError(error: z.ZodError, fallbackField: string): ApiError {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? fallbackField;
    return invalidInput(key, `${key} is not a parameter of this endpoint`, API_ERROR_CODES.unknownField);
  }
  const field = issue?.path.length ? issue.path.map(String).join('.') : fallbackField;
  return invalidInput(field, `${field} ${issue?.message ?? 'is invalid'}`);
}

/**
 * The routes' `defaultHook`: what the contract's schemas refuse in the query string or the path
 * becomes the API's 422 naming the field (`query` / `param` when no one field is to blame).
 */
export const validationHook: Hook<unknown, Env, string, unknown> = (result) => {
  if (!result.success) throw toValidationError(result.error, result.target);
};

/** The largest body any route reads: the trigger's. */
export const MAX_REQUEST_BODY_BYTES = MAX_TRIGGER_BODY_BYTES;

const tooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, API_ERROR_CODES.payloadTooLarge, `The request body exceeds ${maxBytes} bytes; send at most {"warehouse_id": "<uuid>"}`, BODY_FIELD);

/**
 * Every route's limit, ahead of authentication and routing: a declared Content-Length over it is
 * refused before a byte of the body is read, a chunked body as soon as it passes it. Without it a
 * route that ignores its body (a GET, the retry, an unknown path) let any size through to be drained.
 */
export function limitRequestBodies(maxBytes = MAX_REQUEST_BODY_BYTES): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
}

/**
 * Reads an optional JSON body of at most `maxBytes` and validates it with `schema`: an empty
 * body counts as `{}`. Read regardless of Content-Type, since `curl -d '{…}'` sends
 * form-urlencoded; a body that is not JSON is a 422 naming `body`, a larger one a 413. (The
 * validator OpenAPIHono generates for a declared body would answer 415 and 400 instead.)
 */
export async function readOptionalJsonBody<S extends z.ZodType>(c: Context, schema: S, maxBytes: number): Promise<z.output<S>> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
  let text = '';
  await limit(c, async () => {
    text = (await c.req.text()).trim();
  });
  let value: unknown = {};
  if (text !== '') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ApiError(422, API_ERROR_CODES.malformedJson, 'The request body is not valid JSON', BODY_FIELD, { cause: error });
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw toValidationError(parsed.error, BODY_FIELD);
  return parsed.data;
}
