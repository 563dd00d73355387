import { LOG_LEVELS } from '@hub/db';
import type { LogQuery } from '@hub/logging';
import { z } from 'zod';
import { emptyAsAbsent, optionalChoice, readTextFields, WITHOUT_NUL } from '../filter-fields';
import { currentMessages } from '../i18n/messages';
import { fromWallClock } from '../views/format';

/** The periods the page offers; `custom` reads `from` and `to` instead of a preset. */
export const PERIOD_CHOICES = ['1h', '24h', '7d', '30d', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export type PresetPeriod = Exclude<PeriodChoice, 'custom'>;
const PERIOD_LENGTH_MS: Record<PresetPeriod, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
export const DEFAULT_PERIOD: PresetPeriod = '24h';
/** Rows on one page; "Older" and "Newer" page on from there. */
export const LOGS_PAGE_SIZE = 100;

/** What the operator typed, kept as text so the form can be shown again exactly. */
export interface LogsFormValues {
  period: string;
  from: string;
  to: string;
  level: string;
  job_name: string;
  run_id: string;
  request_id: string;
  external_system: string;
  step: string;
  status: string;
  text: string;
  /** The id of the row an "Older" link pages on from. */
  older: string;
  /** The id of the row a "Newer" link pages back from. */
  newer: string;
}

/** Every field of the form, in its order. */
export const LOGS_FORM_FIELDS = [
  'period',
  'from',
  'to',
  'level',
  'job_name',
  'run_id',
  'request_id',
  'external_system',
  'step',
  'status',
  'text',
  'older',
  'newer',
] as const satisfies readonly (keyof LogsFormValues)[];

/** The period a query covers, for the page to name. */
export type ResolvedPeriod = { kind: 'preset'; period: PresetPeriod; from: Date; to: Date } | { kind: 'custom'; from: Date; to: Date };

export type LogsRequest = { kind: 'valid'; query: LogQuery; period: ResolvedPeriod } | { kind: 'invalid'; problems: string[] };

// datetime-local sends minutes, optionally seconds and milliseconds, and no zone: it is read in the page's zone.
const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

const wallClockDateTime = (field: string) =>
  z
    .string()
    .regex(DATETIME_LOCAL, { error: () => currentMessages().validation.dateTime(field) })
    .transform((text, context) => {
      const date = new Date(`${text}Z`);
      // A round trip catches dates the calendar does not have, such as 2026-02-30.
      if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(text.slice(0, 16))) {
        context.addIssue({ code: 'custom', message: currentMessages().validation.notRealDate(field, text) });
        return z.NEVER;
      }
      return text;
    });

/** The pager link a row id comes from, as the page names it (without its arrow). */
const pagerLink = (field: string): string => {
  const { older, newer } = currentMessages().logs;
  return (field === 'older' ? older : newer).replace(/[←→]/g, '').trim();
};
const optionalText = (field: string, max: number) =>
  z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .trim()
      .max(max, { error: () => currentMessages().validation.tooLong(field, max) })
      .regex(WITHOUT_NUL, { error: () => currentMessages().validation.nulCharacter(field) })
      .optional(),
  );
const optionalUuid = (field: string) =>
  z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .trim()
      .pipe(z.uuid({ error: () => currentMessages().validation.uuid(field) }))
      .optional(),
  );
const optionalRowId = (field: string) =>
  z.preprocess(
    emptyAsAbsent,
    z
      .string()
      .regex(/^[1-9]\d{0,18}$/, { error: () => currentMessages().validation.rowId(field, pagerLink(field)) })
      .optional(),
  );

const logsQuerySchema = z.object({
  period: optionalChoice('period', PERIOD_CHOICES),
  from: z.preprocess(emptyAsAbsent, wallClockDateTime('from').optional()),
  to: z.preprocess(emptyAsAbsent, wallClockDateTime('to').optional()),
  level: optionalChoice('level', LOG_LEVELS),
  job_name: optionalText('job_name', 200),
  run_id: optionalUuid('run_id'),
  request_id: optionalUuid('request_id'),
  external_system: optionalText('external_system', 32),
  step: optionalText('step', 128),
  status: optionalText('status', 32),
  text: optionalText('text', 200),
  older: optionalRowId('older'),
  newer: optionalRowId('newer'),
});

/** The raw form values from a query string, every field present (empty when not sent). */
export function readLogsForm(params: Record<string, string | undefined>): LogsFormValues {
  return readTextFields(params, LOGS_FORM_FIELDS);
}

/**
 * Validates the page's query string and turns it into a `LogQuery`. A preset period ends
 * at `now`; `from`/`to` (with `period=custom`, or without any period) give a custom one,
 * read in `timeZone` (ADMIN_TIMEZONE). Without either, the last 24 hours.
 */
export function parseLogsRequest(form: LogsFormValues, now: Date, timeZone = 'UTC'): LogsRequest {
  const parsed = logsQuerySchema.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', problems: parsed.error.issues.map((issue) => issue.message) };
  const { level, job_name: jobName, run_id: runId, request_id: requestId, external_system: externalSystem, step, status, text } = parsed.data;
  const { older, newer } = parsed.data;
  const from = parsed.data.from === undefined ? undefined : fromWallClock(parsed.data.from, timeZone);
  const to = parsed.data.to === undefined ? undefined : fromWallClock(parsed.data.to, timeZone);
  if (older !== undefined && newer !== undefined) return { kind: 'invalid', problems: [currentMessages().validation.olderAndNewer] };
  const period = parsed.data.period ?? (from || to ? 'custom' : DEFAULT_PERIOD);
  const cursor =
    older !== undefined ? { id: older, direction: 'older' as const }
    : newer !== undefined ? { id: newer, direction: 'newer' as const }
    : undefined;
  const filters = { level, jobName, runId, requestId, externalSystem, step, status, text, cursor, limit: LOGS_PAGE_SIZE };
  if (period !== 'custom') {
    const start = new Date(now.getTime() - PERIOD_LENGTH_MS[period]);
    return { kind: 'valid', query: { from: start, to: now, ...filters }, period: { kind: 'preset', period, from: start, to: now } };
  }
  const problems = [
    ...(from ? [] : [currentMessages().validation.fromRequired]),
    ...(to ? [] : [currentMessages().validation.toRequired]),
    ...(from && to && from >= to ? [currentMessages().validation.fromBeforeTo] : []),
  ];
  if (problems.length > 0 || !from || !to) return { kind: 'invalid', problems };
  return { kind: 'valid', query: { from, to, ...filters }, period: { kind: 'custom', from, to } };
}
