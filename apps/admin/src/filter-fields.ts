import { pickCursor, type CursorField } from '@hub/db';
import { z } from 'zod';
import { currentMessages, type Messages } from './i18n/messages';

/*
 * The pieces every admin page's filter form is read with. A form sends every field, empty
 * when nothing was chosen: empty means "no filter", never "invalid".
 */

/**
 * PostgreSQL text cannot hold U+0000, and the driver's protocol refuses a parameter with one
 * (08P01, which reads like a lost connection): a filter with it is refused here, naming the field.
 */
export const WITHOUT_NUL = /^[^\u0000]*$/;

/** An empty or blank form field reads as not sent. */
export const emptyAsAbsent = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional field that must be one of `choices`; the error names the field and every choice. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(field: string, choices: T) {
  return z.preprocess(emptyAsAbsent, z.enum(choices, { error: () => currentMessages().validation.oneOf(field, choices.join(', ')) }).optional());
}

/** The raw values of `fields` from a query string or form, every one present (empty when not sent), so the form shows them again. */
export function readTextFields<const K extends string>(params: Record<string, unknown>, fields: readonly K[]): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const field of fields) {
    const value = params[field];
    values[field] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The optional page cursor fields, `cursor` and `before`, each the id an "Older …" link (`link`) carries. */
export function pageCursorFields(link: (t: Messages) => string) {
  const id = (field: CursorField) =>
    z.preprocess(emptyAsAbsent, z.uuid({ error: () => currentMessages().validation.cursorId(field, link(currentMessages())) }).optional());
  return { cursor: id('cursor'), before: id('before') };
}

/** The one cursor a page request gives, under either name; a problem naming both when they differ. */
export function pickPageCursor(values: {
  cursor?: string | undefined;
  before?: string | undefined;
}): { kind: 'valid'; cursor: string | undefined; field: CursorField } | { kind: 'invalid'; problem: string } {
  const picked = pickCursor(values);
  return picked ? { kind: 'valid', ...picked } : { kind: 'invalid', problem: currentMessages().validation.cursorsDiffer };
}
