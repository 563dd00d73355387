import { z } from '@hono/zod-openapi';
import { OPERATOR_HEADER, OPERATOR_NAME_PATTERN, OPERATOR_NAME_RULE } from '@hub/runtime';

/** A UUID, as every id the hub makes is. */
export const uuid = z.uuid();

/** A UUID parameter; a malformed one is a 422 with this message. */
export const uuidParameter = () => z.uuid({ error: 'must be a UUID' });

/** A timestamp as the API writes it: ISO 8601 (`toISOString()`, or PostgreSQL's JSON with an offset). */
export const timestamp = z.iso.datetime({ offset: true });

export const BEARER_SCHEME_NAME = 'bearerAuth';
export const ADMIN_TOKEN_SCHEME_NAME = 'adminToken';
/** The first release's admin sent API_TOKEN in this header; the API still takes it. */
export const ADMIN_TOKEN_HEADER = 'X-Admin-Token';
/**
 * The security requirement of every route behind API_TOKEN: either scheme (both are registered in
 * the document). Writes need it whenever authentication is on; reads unless API_AUTH_READS=off.
 */
export const BEARER_SECURITY: Array<Record<string, string[]>> = [{ [BEARER_SCHEME_NAME]: [] }, { [ADMIN_TOKEN_SCHEME_NAME]: [] }];

/** `{ description, content: { 'application/json': { schema } } }`: one JSON answer. */
export function jsonAnswer<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: { 'application/json': { schema } } };
}

/** One of `values`; anything else is a 422 listing them. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** `X-Hub-Operator`: the admin names the operator a run or a retry is made for; the API records it. */
export const operatorHeadersSchema = z.object({
  [OPERATOR_HEADER]: z
    .string()
    .regex(OPERATOR_NAME_PATTERN, { error: `must be an operator's username: ${OPERATOR_NAME_RULE}` })
    .optional()
    .openapi({ description: `The admin operator the request is made for (${OPERATOR_NAME_RULE}); recorded with the run or the retry` }),
});
