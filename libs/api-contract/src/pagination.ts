import { z } from '@hono/zod-openapi';
import type { CursorField } from '@hub/db';

/*
 * One wire shape for every list: it takes `limit` (1–200, default 50) and `cursor` (the previous
 * page's `next_cursor`) and answers `{ items, next_cursor }`, next_cursor null on the last page.
 */

/** Items per page unless `limit` says otherwise, and the most it may say. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The answer's field holding the next page's cursor under each name. */
export const NEXT_CURSOR_FIELDS: Record<CursorField, string> = { cursor: 'next_cursor', before: 'next_before' };

const LIMIT_ERROR = { error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` };
// Digits only: Number() would also take ' 5', '1e2' and '0x10'.
const limit = z
  .string(LIMIT_ERROR)
  .regex(/^\d+$/, LIMIT_ERROR)
  .transform(Number)
  .pipe(z.number().min(1, LIMIT_ERROR).max(MAX_PAGE_SIZE, LIMIT_ERROR))
  .default(DEFAULT_PAGE_SIZE)
  .openapi({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Items per page' });

const cursorOf = (field: CursorField) =>
  z
    .uuid({ error: `must be the ${NEXT_CURSOR_FIELDS[field]} of the previous page` })
    .optional()
    .openapi({ description: `The previous page's \`${NEXT_CURSOR_FIELDS[field]}\`; the page starts after the row it names` });

/**
 * A list's query string: its `filters`, `limit` and `cursor` (and `before` with
 * `{ beforeAlias: true }`), strict, so a misspelt filter never silently lists everything.
 */
export function listQuery<F extends z.ZodRawShape>(filters: F): z.ZodObject<F & { limit: typeof limit; cursor: ReturnType<typeof cursorOf> }, z.core.$strict>;
export function listQuery<F extends z.ZodRawShape>(
  filters: F,
  options: { beforeAlias: true },
): z.ZodObject<F & { limit: typeof limit; cursor: ReturnType<typeof cursorOf>; before: ReturnType<typeof cursorOf> }, z.core.$strict>;
export function listQuery<F extends z.ZodRawShape>(filters: F, options: { beforeAlias?: boolean } = {}) {
  return z.strictObject({
    ...filters,
    limit,
    cursor: cursorOf('cursor'),
    ...(options.beforeAlias ? { before: cursorOf('before') } : {}),
  });
}

/** A page as every list answers it: `{ items, next_cursor }`. */
export function pageOf<I extends z.ZodType>(item: I) {
  return z.object({
    items: z.array(item),
    next_cursor: z.uuid().nullable().openapi({ description: 'The cursor of the next page; null on the last page' }),
  });
}
