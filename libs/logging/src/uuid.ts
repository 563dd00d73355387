/** How a correlation id given as text reads as a PostgreSQL uuid. */
export type UuidReading =
  | { kind: 'uuid'; value: string }
  /** Nothing there: null, undefined, '', blank, 'None' or 'null' in any case (the legacy release wrote those). */
  | { kind: 'absent' }
  /** Text PostgreSQL's uuid input rejects; `original` is what was given. */
  | { kind: 'invalid'; original: string };

/** Text the legacy release wrote for "no id"; the migration reads them the same way. */
const ABSENT_WORDS = new Set(['', 'none', 'null']);

/**
 * PostgreSQL's `uuid_in` grammar: 32 hex digits in any case, a hyphen allowed after
 * any group of four (but not at the end), optionally inside one pair of braces.
 * No surrounding whitespace: PostgreSQL rejects that too.
 */
const POSTGRES_UUID = /^(?:\{(?<braced>[0-9a-f]{4}(?:-?[0-9a-f]{4}){7})\}|(?<bare>[0-9a-f]{4}(?:-?[0-9a-f]{4}){7}))$/i;

/** Reads `given` (as text) the way PostgreSQL's uuid input does, giving the canonical lowercase form. */
export function readUuid(given: unknown): UuidReading {
  if (given === null || given === undefined) return { kind: 'absent' };
  // Typed callers pass strings; untyped ones sometimes pass numbers or objects, which are read as their text.
  const text = String(given);
  if (ABSENT_WORDS.has(text.trim().toLowerCase())) return { kind: 'absent' };
  const match = POSTGRES_UUID.exec(text);
  const digits = (match?.groups?.['braced'] ?? match?.groups?.['bare'])?.replace(/-/g, '').toLowerCase();
  if (digits === undefined) return { kind: 'invalid', original: text };
  const groups = [digits.slice(0, 8), digits.slice(8, 12), digits.slice(12, 16), digits.slice(16, 20), digits.slice(20)];
  return { kind: 'uuid', value: groups.join('-') };
}
