import type { Context } from 'hono';
import { API_ERROR_CODES } from '@hub/api-contract';
import { pickCursor, type KeysetPage } from '@hub/db';
import { invalidInput } from './api-error';

/** What a list's handler reads besides its filters. */
export interface PageQuery {
  limit: number;
  cursor?: string | undefined;
}

/**
 * The page a validated list query asks for: `cursor`, or `before` (the outbox's older name for
 * it), 422 `conflicting_values` when both are given and differ. The cursor's field is kept in the
 * context: an unknown cursor's 422 names the field the client used.
 */
export function pageQueryOf<Q extends PageQuery & { before?: string | undefined }>(c: Context, query: Q): Omit<Q, 'before' | 'cursor'> & PageQuery {
  const { cursor, before, ...rest } = query;
  const picked = pickCursor({ cursor, before });
  if (!picked) throw invalidInput('cursor', 'cursor differs from before, its alias; give one of them', API_ERROR_CODES.conflictingValues);
  c.set('cursorField', picked.field);
  return { ...rest, cursor: picked.cursor };
}

/** A page as every list answers it: `{ items, next_cursor }`. */
export function pageBody<T, Body>(page: KeysetPage<T>, toBody: (item: T) => Body): { items: Body[]; next_cursor: string | null } {
  return { items: page.items.map(toBody), next_cursor: page.nextCursor };
}
