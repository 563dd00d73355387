import { pickCursor, type CursorField, type KeysetPage } from '@hub/db';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { API_ERROR_CODES, invalidInput } from './api-error';
import { toValidationError } from './middleware/validate';

/*
 * One wire shape for every list: it takes `limit` (1–200, default 50) and `cursor` (the previous
 * page's `next_cursor`) and answers `{ items, next_cursor }`, next_cursor null on the last page.
 */

/** Items per page unless `limit` says otherwise, and the most it may say. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The answer's field holding the next page's cursor under each name. */
export const NEXT_CURSOR_FIELDS: Record<CursorField, string> = { cursor: 'next_cursor', before: 'next_before' };

/** What a list's handler reads besides its filters. */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

const LIMIT_ERROR = { error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` };
// Digits only: Number() would also take ' 5', '1e2' and '0x10'.
const limit = z
  .string(LIMIT_ERROR)
  .regex(/^\d+$/, LIMIT_ERROR)
  .transform(Number)
  .pipe(z.number().min(1, LIMIT_ERROR).max(MAX_PAGE_SIZE, LIMIT_ERROR))
  .default(DEFAULT_PAGE_SIZE);

const cursorOf = (field: CursorField) => z.uuid({ error: `must be the ${NEXT_CURSOR_FIELDS[field]} of the previous page` }).optional();

/**
 * Validates a list's query string: its `filters`, `limit` and `cursor` (and `before` with
 * `{ beforeAlias: true }`), strictly, so a misspelt filter never silently lists everything. The
 * cursor's field is kept in the context: an unknown cursor's 422 names the field the client used.
 * Read the result with `c.req.valid('query')`.
 */
export function validateListQuery<F extends z.ZodRawShape>(filters: F, options: { beforeAlias?: boolean } = {}) {
  const schema = z.strictObject({
    ...filters,
    limit,
    cursor: cursorOf('cursor'),
    ...(options.beforeAlias ? { before: cursorOf('before') } : {}),
  });
  return validator('query', (value, c) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw toValidationError(parsed.error, 'query');
    const { cursor, before, ...rest } = parsed.data as Record<string, unknown> & PageQuery & { before?: string };
    const picked = pickCursor({ cursor, before });
    if (!picked) throw invalidInput('cursor', 'cursor differs from before, its alias; give one of them', API_ERROR_CODES.conflictingValues);
    c.set('cursorField', picked.field);
    return { ...rest, cursor: picked.cursor } as z.output<z.ZodObject<F>> & PageQuery;
  });
}

/** A page as every list answers it: `{ items, next_cursor }`. */
export function pageBody<T, Body>(page: KeysetPage<T>, toBody: (item: T) => Body): { items: Body[]; next_cursor: string | null } {
  return { items: page.items.map(toBody), next_cursor: page.nextCursor };
}
