import { LOG_LEVELS, type LogLevel } from '@hub/db';
import { redactText } from '@hub/runtime';
import type { LogContext } from '@hub/runtime';
import { toJsonSafe, toStorableText, type JsonValue } from '@hub/runtime';
import type { LogEntry } from './log-entry';
import { readUuid } from './uuid';

/** One `integration_logs` row, ready to insert: every value fits its column. */
export interface LogRow {
  level: LogLevel;
  message: string;
  source: string | null;
  runId: string | null;
  requestId: string | null;
  jobId: string | null;
  jobName: string | null;
  step: string | null;
  status: string | null;
  externalSystem: string | null;
  elapsedMs: number | null;
  payload: JsonValue | null;
  details: JsonValue | null;
}

/** varchar lengths of `integration_logs`, from the entity. */
const COLUMN_LENGTH = { source: 64, step: 128, status: 32, externalSystem: 32 } as const;
/**
 * `message` is a text column with no limit, but a row is read in the admin's table:
 * longer messages are cut here, with a note of the full length; details belong in payload.
 */
export const MESSAGE_MAX_LENGTH = 10_000;
const INT4_MAX = 2_147_483_647;
const LEVEL_ALIASES: Record<string, LogLevel> = { WARN: 'WARNING', FATAL: 'CRITICAL' };

/**
 * Turns what a caller logged into a row that inserts: ids from the entry or else the
 * current context, normalised to canonical UUIDs (text that is not one is kept in
 * `details._legacy`, as the legacy migration does), JSON made safe, text fitted to its column.
 */
export function toLogRow(entry: LogEntry, defaults: { source: string; context: LogContext }): LogRow {
  const legacy: Record<string, string> = {};
  const { context } = defaults;
  const runId = readIdColumn(pick(entry.runId, context.runId), 'run_id', legacy);
  const requestId = readIdColumn(pick(entry.requestId, context.requestId), 'request_id', legacy);
  const givenJobName = optionalText(pick(entry.jobName, context.jobName));
  const { jobId, jobName } = readJob(pick(entry.jobId, context.jobId), givenJobName, legacy);
  return {
    level: toLevel(entry.level),
    message: truncateMessage(redactText(toStorableText(String(entry.message ?? '')))),
    source: fitColumn(entry.source ?? defaults.source, COLUMN_LENGTH.source),
    runId,
    requestId,
    jobId,
    jobName,
    step: fitColumn(entry.step, COLUMN_LENGTH.step),
    status: fitColumn(entry.status, COLUMN_LENGTH.status),
    externalSystem: fitColumn(entry.externalSystem, COLUMN_LENGTH.externalSystem),
    elapsedMs: toInteger(entry.elapsedMs),
    payload: toJsonSafe(entry.payload) ?? null,
    details: withLegacy(toJsonSafe(entry.details) ?? null, legacy),
  };
}

type LegacyColumn = 'run_id' | 'request_id' | 'job_id';

/** A uuid column's value; text that is not a uuid is set aside in `legacy` under the column's name. */
function readIdColumn(given: unknown, column: LegacyColumn, legacy: Record<string, string>): string | null {
  const reading = readUuid(given);
  if (reading.kind === 'invalid') legacy[column] = toStorableText(reading.original);
  return reading.kind === 'uuid' ? reading.value : null;
}

/**
 * job_id and job_name. The legacy release put job names in job_id; like the migration,
 * such text becomes the job name, unless a job name was given too: then it is set aside.
 */
function readJob(givenId: unknown, givenName: string | null, legacy: Record<string, string>) {
  const reading = readUuid(givenId);
  if (reading.kind === 'invalid' && givenName === null) return { jobId: null, jobName: toStorableText(reading.original) };
  return { jobId: readIdColumn(givenId, 'job_id', legacy), jobName: givenName };
}

/** The entry's own value wins, even an explicit `null`; `undefined` falls back to the context. */
function pick<T>(own: T | undefined, fromContext: T | undefined): T | undefined {
  return own === undefined ? fromContext : own;
}

function toLevel(level: unknown): LogLevel {
  const upper = String(level ?? '').toUpperCase();
  if ((LOG_LEVELS as readonly string[]).includes(upper)) return upper as LogLevel;
  return LEVEL_ALIASES[upper] ?? 'INFO';
}

function optionalText(text: unknown): string | null {
  return text === null || text === undefined ? null : toStorableText(String(text));
}

/** Cuts text to a varchar's length in characters (code points, as PostgreSQL counts), ending in "…". */
function fitColumn(text: unknown, length: number): string | null {
  const safe = optionalText(text);
  if (safe === null) return null;
  // UTF-16 units never number fewer than code points: short text needs no counting.
  if (safe.length <= length) return safe;
  const characters = Array.from(safe);
  return characters.length <= length ? safe : `${characters.slice(0, length - 1).join('')}…`;
}

function truncateMessage(message: string): string {
  if (message.length <= MESSAGE_MAX_LENGTH) return message;
  // Cutting by UTF-16 units may split a surrogate pair; toStorableText mends the cut end.
  return `${toStorableText(message.slice(0, MESSAGE_MAX_LENGTH))}… [truncated, ${message.length} characters in all]`;
}

/** Milliseconds as the integer column takes them: rounded; null when not a finite int4. */
function toInteger(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const rounded = Math.round(value);
  return Math.abs(rounded) <= INT4_MAX ? rounded : null;
}

/** Adds `_legacy` the way the migration does: into an object, or around any other value. */
function withLegacy(details: JsonValue | null, legacy: Record<string, string>): JsonValue | null {
  if (Object.keys(legacy).length === 0) return details;
  if (details === null) return { _legacy: legacy };
  if (typeof details === 'object' && !Array.isArray(details)) {
    const earlier = details['_legacy'];
    const earlierIsObject = earlier !== null && typeof earlier === 'object' && !Array.isArray(earlier);
    const merged = earlierIsObject ? { ...earlier, ...legacy } : legacy;
    return { ...details, _legacy: merged };
  }
  return { value: details, _legacy: legacy };
}
