import { isSecretKey, REDACTED, redactText } from '../redaction';

/** A value `JSON.stringify` writes as-is and PostgreSQL's jsonb accepts. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Replaces anything in a string that jsonb rejects; see `toJsonSafe`. */
const JSONB_REJECTED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT_CHARACTER = '\uFFFD';

/** `text` with `\u0000` and lone UTF-16 surrogates replaced by U+FFFD (jsonb and text columns reject both). */
export function toStorableText(text: string): string {
  return text.replace(JSONB_REJECTED, REPLACEMENT_CHARACTER);
}

/**
 * Converts anything a caller logs into a JSON value jsonb stores, and that
 * reads back the way a person expects:
 * - Date → ISO string ("Invalid Date" when it holds none); BigInt → decimal string.
 * - Map → object (keys via `String`); Set → array.
 * - Buffer, Uint8Array, ArrayBuffer, DataView → **base64** string of the bytes;
 *   other typed arrays → arrays of numbers.
 * - Error → `{ name, message, stack, code?, cause? }` plus its own enumerable fields, `cause` recursively.
 * - NaN, Infinity, -Infinity → the strings "NaN", "Infinity", "-Infinity": a NaN quantity
 *   is a bug an operator should see, and `null` would hide it.
 * - undefined, functions and symbols: dropped from objects, `null` inside arrays (as `JSON.stringify`).
 * - A reference back to an enclosing object → "[Circular]".
 * - `\u0000` and lone surrogates in every string and key → U+FFFD.
 * - The value under a secret-looking key (see `isSecretKey`), at any depth → "[redacted]";
 *   a secret inside any string (a URL's password, a credential) → "[redacted]" (see `redactText`).
 * - Objects with their own `toJSON` (URL, Decimal, …) → what `toJSON` returns, made safe in turn.
 * - An object whose getters or proxy traps throw → "[Unserializable: <reason>]".
 * Returns `undefined` only for a top-level value JSON has no place for (undefined, a function).
 */
export function toJsonSafe(value: unknown): JsonValue | undefined {
  return convert(value, new Set());
}

function convert(value: unknown, ancestors: Set<object>): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
      return redactText(toStorableText(value));
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return null;
      if (ancestors.has(value)) return '[Circular]';
      ancestors.add(value);
      try {
        return convertObject(value, ancestors);
      } catch (error) {
        // A throwing getter or proxy spoils one value, not the whole log entry.
        return `[Unserializable: ${error instanceof Error ? error.message : String(error)}]`;
      } finally {
        ancestors.delete(value);
      }
    default:
      return undefined;
  }
}

function convertObject(value: object, ancestors: Set<object>): JsonValue | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('base64');
  if (value instanceof DataView) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (ArrayBuffer.isView(value)) return convertArray(Array.from(value as unknown as ArrayLike<unknown>), ancestors);
  if (Array.isArray(value)) return convertArray(value, ancestors);
  if (value instanceof Set) return convertArray([...value], ancestors);
  if (value instanceof Map)
    return convertEntries(
      [...value].map(([key, item]) => [String(key), item]),
      ancestors,
    );
  // Fetch's Headers keep their entries out of reach of Object.entries; the Authorization header among them.
  if (value instanceof Headers) return convertEntries([...value.entries()], ancestors);
  if (value instanceof Error) return convertError(value, ancestors);
  if (value instanceof RegExp) return String(value);
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    return convert(value.valueOf(), ancestors);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return convert(toJSON.call(value), ancestors);
  return convertEntries(Object.entries(value), ancestors);
}

function convertArray(items: unknown[], ancestors: Set<object>): JsonValue[] {
  return items.map((item) => convert(item, ancestors) ?? null);
}

function convertEntries(entries: [string, unknown][], ancestors: Set<object>): { [key: string]: JsonValue } {
  const result: { [key: string]: JsonValue } = {};
  for (const [key, item] of entries) {
    const safe = isSecretKey(key) ? REDACTED : convert(item, ancestors);
    if (safe !== undefined) result[toStorableText(key)] = safe;
  }
  return result;
}

function convertError(error: Error, ancestors: Set<object>): { [key: string]: JsonValue } {
  const described: [string, unknown][] = [
    ['name', error.name],
    ['message', error.message],
    ['stack', error.stack],
  ];
  // `code` and `cause` are often non-enumerable (Node's system errors, `new Error(m, { cause })`).
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (code !== undefined) described.push(['code', code]);
  if (cause !== undefined) described.push(['cause', cause]);
  if (error instanceof AggregateError) described.push(['errors', errors]);
  // Own fields such as pg's `detail`, `table`, `constraint` say why a statement failed.
  const known = new Set(described.map(([key]) => key));
  const extra = Object.entries(error).filter(([key]) => !known.has(key));
  return convertEntries([...described, ...extra], ancestors);
}
