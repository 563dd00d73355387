/*
 * Values in and out of raw SQL. MikroORM's `em.execute` inlines each `?` parameter itself
 * and would expand a JS array into a list of values, so arrays travel as one array literal
 * with an explicit cast. A timestamptz comes back as PostgreSQL's text: read it with
 * `toDate`. A number computed in SQL (a count, a duration) is cast to integer or float8
 * there, so it arrives as a JS number.
 */

/** One element of an array parameter; an object is sent as its JSON (for `jsonb[]`). */
export type SqlArrayElement = string | number | boolean | null | object;

function arrayElement(value: SqlArrayElement): string {
  if (value === null) return 'NULL';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/**
 * `values` as one PostgreSQL array literal, every element quoted (`{"a","b"}`), to bind with a
 * cast: `= any(?::uuid[])`, `unnest(?::text[])`. Any text is safe in it, quotes and commas included.
 */
export function sqlArray(values: readonly SqlArrayElement[]): string {
  return `{${values.map(arrayElement).join(',')}}`;
}

/**
 * A batch of rows as one array parameter per column, in `keys` order, for
 * `unnest(?::uuid[], ?::integer[], ?::jsonb[]) as x(id, quantity, explanation)`: a whole batch in
 * one statement.
 */
export function sqlColumns<Row, Key extends keyof Row>(rows: readonly Row[], keys: readonly Key[]): string[] {
  return keys.map((key) => sqlArray(rows.map((row) => row[key] as SqlArrayElement)));
}

// PostgreSQL's ISO output of a timestamptz: '2026-12-03 09:08:23.037459+00' (offset may carry minutes).
const TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})(?::?(\d{2}))?$/;

/** A timestamptz column read by a raw query (text, or a Date where a driver parsed it) as a Date. */
export function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const match = TIMESTAMPTZ.exec(value);
  if (!match) throw new TypeError(`not a PostgreSQL timestamptz: ${JSON.stringify(value)}`);
  const [, day, time, fraction = '', hours, minutes = '00'] = match;
  const millis = fraction.slice(0, 4).padEnd(4, '0');
  return new Date(`${day}T${time}${millis === '0000' ? '' : millis}${hours}:${minutes}`);
}

/** `toDate` for a nullable column. */
export function toDateOrNull(value: string | Date | null): Date | null {
  return value === null ? null : toDate(value);
}
