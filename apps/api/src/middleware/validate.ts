import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { API_ERROR_CODES, ApiError, invalidInput } from '../api-error';

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

/** Validates the query string or path parameters with `schema`; read it with `c.req.valid(target)`. */
export function validate<T extends 'query' | 'param', S extends z.ZodType>(target: T, schema: S) {
  return validator(target, (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw toValidationError(parsed.error, target);
    return parsed.data as z.output<S>;
  });
}

/**
 * Validates an optional JSON body: an empty body counts as `{}`. Read regardless of
 * Content-Type, since `curl -d '{…}'` sends form-urlencoded; a body that is not JSON is
 * a 422 naming `body` (Hono's own json validator would refuse empty bodies with a 400).
 */
export function optionalJsonBody<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<Record<string, never>, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async function optionalJsonBody(c, next) {
    const text = (await c.req.text()).trim();
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
    c.req.addValidatedData('json' satisfies keyof ValidationTargets, parsed.data as object);
    await next();
  };
}
