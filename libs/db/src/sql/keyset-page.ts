import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * Keyset pagination, newest first, for every list of the hub: rows ordered by (created_at desc,
 * id desc), a page's cursor the id of its last row. The next page is "older than the cursor row",
 * compared in SQL with that row's own stored values, so rows written while someone pages never
 * shift a page, and no timestamp is rounded on its way through a URL.
 */

/** What every list answers: its items and the cursor of the page after it (null on the last page). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Which page: at most `limit` rows, older than the row `cursor` names (from the newest when absent). */
export interface KeysetPageRequest {
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
  limit: number;
}

/** A table with uuid `id` and timestamptz `created_at`, and what one of its rows is called in messages. */
export interface KeysetTable {
  readonly name: string;
  readonly rowName: string;
}

/** The values a page's statement binds: `cursor` where `olderThanCursor` stands, `limit` where `newestFirst` stands. */
export interface KeysetParameters {
  /** The cursor (or null), once for each of the fragment's two placeholders. */
  cursor: [string | null, string | null];
  /** One more than the page holds: the extra row only tells that another page follows. */
  limit: number;
}

/** The name a page request gave its cursor under: `cursor`, or `before`, the outbox's older name for it. */
export type CursorField = 'cursor' | 'before';

/**
 * The one cursor a page request gives, under either name (a link may carry both; they must
 * agree, whatever their case). Undefined when the two differ: the caller says so naming both.
 */
export function pickCursor(given: {
  cursor?: string | undefined;
  before?: string | undefined;
}): { field: CursorField; cursor: string | undefined } | undefined {
  const { cursor, before } = given;
  if (cursor !== undefined && before !== undefined && cursor.toLowerCase() !== before.toLowerCase()) return undefined;
  return before !== undefined && cursor === undefined ? { field: 'before', cursor: before } : { field: 'cursor', cursor };
}

/** A cursor that names no row of the table: a typo, a row deleted since, or a link from another database. */
export class UnknownCursorError extends Error {
  readonly code = 'unknown_cursor';
  constructor(
    readonly cursor: string,
    readonly rowName: string,
  ) {
    super(`No ${rowName} with id ${cursor}`);
    this.name = 'UnknownCursorError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Declares a table to page through. The name is written into SQL text, so it must be a constant of
 * the caller, never input: anything but a plain lower-case identifier is refused.
 */
export function keysetTable(name: string, rowName: string): KeysetTable {
  if (!IDENTIFIER.test(name)) throw new TypeError(`not a plain table name: ${JSON.stringify(name)}`);
  return Object.freeze({ name, rowName });
}

/**
 * The `where` condition "comes after the cursor row, newest first"; true when the cursor is null.
 * Two placeholders: bind `...keyset.cursor`. A cursor naming no row compares with null and
 * selects nothing, which `readKeysetPage` tells apart from an empty page.
 */
export function olderThanCursor(table: KeysetTable): string {
  const t = table.name;
  return `(?::uuid is null
         or (${t}.created_at, ${t}.id) < (select cursor_row.created_at, cursor_row.id from ${t} cursor_row where cursor_row.id = ?::uuid))`;
}

/** The page's order and size, to end the statement with. One placeholder: bind `keyset.limit`. */
export function newestFirst(table: KeysetTable): string {
  return `order by ${table.name}.created_at desc, ${table.name}.id desc limit ?::integer`;
}

const rowExists = (table: KeysetTable): string => `select exists (select 1 from ${table.name} where id = ?::uuid) as "exists"`;

/**
 * Reads one page: `read` runs the caller's statement (built with `olderThanCursor` and
 * `newestFirst`) with the keyset's parameters; one row more than `limit` is read to know whether
 * another page follows. Throws UnknownCursorError when `cursor` names no row of `table`, and
 * RangeError for a limit that is not a positive whole number.
 */
export async function readKeysetPage<Row extends { id: string }>(
  em: EntityManager,
  table: KeysetTable,
  request: KeysetPageRequest,
  read: (keyset: KeysetParameters) => Promise<Row[]>,
): Promise<KeysetPage<Row>> {
  const { limit } = request;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, not ${limit}`);
  const cursor = request.cursor ?? null;
  // Not a uuid, so no row's id: said as such rather than as PostgreSQL's cast error.
  if (cursor !== null && !UUID.test(cursor)) throw new UnknownCursorError(cursor, table.rowName);
  const rows = await read({ cursor: [cursor, cursor], limit: limit + 1 });
  // Only an empty page can come from an unknown cursor: the one case worth a second statement.
  if (rows.length === 0 && cursor !== null) {
    const [found] = await em.execute<{ exists: boolean }[]>(rowExists(table), [cursor], 'all');
    if (!found?.exists) throw new UnknownCursorError(cursor, table.rowName);
  }
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
