import { RUN_STATUSES, RUN_TRIGGERS, type CursorField, type RunStatus, type RunTrigger } from '@hub/db';
import { z } from 'zod';
import { optionalChoice, pageCursorFields, pickPageCursor, readTextFields } from '../filter-fields';

/** The most runs one page shows; "Older runs" pages on from the last one. */
export const RUNS_PAGE_SIZE = 50;

/** What the operator chose, kept as text so the form shows it again exactly. */
export interface RunsFormValues {
  status: string;
  trigger: string;
  cursor: string;
  before: string;
}

/** The list's filters once validated. */
export interface RunsFilters {
  status?: RunStatus | undefined;
  trigger?: RunTrigger | undefined;
  /** The id of the last run of the previous page. */
  cursor?: string | undefined;
}

export type RunsRequest = { kind: 'valid'; filters: RunsFilters; cursorField: CursorField } | { kind: 'invalid'; problems: string[] };

const runsQuerySchema = z.object({
  status: optionalChoice('status', RUN_STATUSES),
  trigger: optionalChoice('trigger', RUN_TRIGGERS),
  ...pageCursorFields((t) => t.validation.olderRunsLink),
});

/** A run's id as it appears in `/runs/:id`. */
export const runIdSchema = z.uuid({ error: 'a run id is a UUID' });

/** The raw filter values from the query string, every field present (empty when not sent). */
export function readRunsForm(params: Record<string, unknown>): RunsFormValues {
  return readTextFields(params, ['status', 'trigger', 'cursor', 'before']);
}

/** Validates the filters; each problem is a sentence naming its field. */
export function parseRunsRequest(form: RunsFormValues): RunsRequest {
  const parsed = runsQuerySchema.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', problems: parsed.error.issues.map((issue) => issue.message) };
  const { status, trigger } = parsed.data;
  const cursor = pickPageCursor(parsed.data);
  if (cursor.kind === 'invalid') return { kind: 'invalid', problems: [cursor.problem] };
  return { kind: 'valid', filters: { status, trigger, cursor: cursor.cursor }, cursorField: cursor.field };
}

/** The list's address for `filters` (the first page unless `cursor` is given). */
export function runsUrl(filters: RunsFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.trigger) params.set('trigger', filters.trigger);
  if (filters.cursor) params.set('cursor', filters.cursor);
  const query = params.toString();
  return query === '' ? '/runs' : `/runs?${query}`;
}
