/**
 * Literals and values of 1С's standard OData interface (Developer Guide 8.3.27 §17.4, Russian copy
 * hacker-cb/1c-odata docs/1c/markdown/17.4_-_Cтандартный_интерфейс_OData_8_3_27.md, "the guide" below).
 */
import { z } from 'zod';

/** `guid'…'` (the guide, line 121). */
export const guidLiteral = (id: string): string => `guid'${id}'`;

/** A string literal: quotes doubled, as in OData's `'O''Brien'`. */
export const stringLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The empty reference 1С writes into an unfilled reference field. */
export const EMPTY_REF = '00000000-0000-0000-0000-000000000000';

/**
 * `Edm.Int64` (LineNumber) and `odata.count` arrive as JSON strings ("1103", live notes
 * Romandredan/odata1c-gate docs/probes/P4-real-metadata.md, «Запросы» table); numbers are taken too.
 */
export const int64 = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, 'must be a whole number')
    .transform(Number),
]);

/** `Edm.Double` quantities; a numeric string is taken too, since the same serializer writes Int64 as text. */
export const odataNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number),
]);

const LOCAL_PARTS = new Map<string, Intl.DateTimeFormat>();
function localParts(timeZone: string): Intl.DateTimeFormat {
  let format = LOCAL_PARTS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    LOCAL_PARTS.set(timeZone, format);
  }
  return format;
}

/**
 * `Edm.DateTime` carries no zone: 1С writes and reads the server's local time (the guide, line 123:
 * `datetime'yyyy-mm-ddThh:mm:ss'`). This is `instant` as a wall clock in `timeZone` (ONEC_TIMEZONE).
 */
export function localDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    localParts(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/** `datetime'…'` for `instant` in the server's time zone. */
export const dateTimeLiteral = (instant: Date, timeZone: string): string => `datetime'${localDateTime(instant, timeZone)}'`;

/** True when `timeZone` is an IANA zone this Node knows (for the config's check). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
