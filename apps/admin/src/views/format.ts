import type { LogLevel } from '@hub/db';
import { currentTimeZone } from '../admin-env';
import { currentMessages } from '../i18n/messages';

const LEVEL_CLASSES: Record<LogLevel, string> = {
  DEBUG: 'level-debug',
  INFO: 'level-info',
  WARNING: 'level-warning',
  ERROR: 'level-error',
  CRITICAL: 'level-critical',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-03-02 12:00:00` for `date` in `timeZone` (an IANA name). */
function wallClock(date: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const part = Object.fromEntries(formatter.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}:${part['second']}`;
}

/** `2026-03-02 12:00:00.123` — in the page's zone (ADMIN_TIMEZONE), which the page names. */
export function formatTime(date: Date): string {
  return `${wallClock(date, currentTimeZone())}.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** `2026-03-02 12:00:00` — to the second, for tables that must stay narrow. */
export function formatTimeSecond(date: Date): string {
  return wallClock(date, currentTimeZone());
}

/** `2026-03-02 12:00` — a period bound, to the minute as the form takes it. */
export function formatTimeMinute(date: Date): string {
  return wallClock(date, currentTimeZone()).slice(0, 16);
}

/** The value a datetime-local input shows for `date`, in the page's zone. */
export function toDateTimeLocal(date: Date): string {
  return wallClock(date, currentTimeZone()).replace(' ', 'T').slice(0, 16);
}

/** The instant a zone-less `YYYY-MM-DDTHH:mm[:ss[.sss]]` names in `timeZone` (the form's from/to). */
export function fromWallClock(text: string, timeZone: string): Date {
  const asUtc = new Date(`${text}Z`);
  const offset = (at: Date) => Date.parse(`${wallClock(at, timeZone).replace(' ', 'T')}Z`) - Math.floor(at.getTime() / 1000) * 1000;
  // Twice: the offset at the guess, not at the UTC reading, decides near a clock change.
  const first = new Date(asUtc.getTime() - offset(asUtc));
  return new Date(asUtc.getTime() - offset(first));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count or amount as the page's locale writes it (`1 824` in Russian, `1,824` in English); nothing for a missing value. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const { locale } = currentMessages();
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** The CSS class for a level's badge; legacy levels outside the five get a neutral one. */
export function levelClass(level: string): string {
  return Object.hasOwn(LEVEL_CLASSES, level) ? LEVEL_CLASSES[level as LogLevel] : 'level-other';
}

/** JSON on one line, for a payload or details cell. */
export function compactJson(value: unknown): string {
  return JSON.stringify(value);
}

/** JSON indented two spaces, for reading a payload or details in full. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
