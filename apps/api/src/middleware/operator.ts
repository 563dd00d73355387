import type { Context } from 'hono';
import { OPERATOR_HEADER, OPERATOR_NAME_PATTERN, OPERATOR_NAME_RULE } from '@hub/runtime';
import { invalidInput } from '../api-error';

/**
 * The admin operator a request is made for (`X-Hub-Operator`), or null when the caller names
 * none; a malformed name is a 422 naming the header, so nothing is recorded under it.
 */
export function readOperator(c: Context): string | null {
  const value = c.req.header(OPERATOR_HEADER);
  if (value === undefined) return null;
  if (!OPERATOR_NAME_PATTERN.test(value)) throw invalidInput(OPERATOR_HEADER, `${OPERATOR_HEADER} must be an operator's username: ${OPERATOR_NAME_RULE}`);
  return value;
}
