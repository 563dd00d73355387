import type { LogLevel } from '@hub/db';

const LEVEL_CLASSES: Record<LogLevel, string> = {
  DEBUG: 'level-debug',
  INFO: 'level-info',
  WARNING: 'level-warning',
  ERROR: 'level-error',
  CRITICAL: 'level-critical',
};

/** `2026-03-02 09:00:00.123` — the page shows every time in UTC and says so. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** `2026-03-02 09:00:00` — to the second, for tables that must stay narrow. */
export function formatUtcSecond(date: Date): string {
  return formatUtc(date).slice(0, 19);
}

/** `2026-03-02 09:00` — a period bound, to the minute as the form takes it. */
export function formatUtcMinute(date: Date): string {
  return formatUtc(date).slice(0, 16);
}

/** The value a datetime-local input shows for `date`, in UTC. */
export function toDateTimeLocal(date: Date): string {
  return date.toISOString().slice(0, 16);
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
