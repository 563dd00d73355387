import { OUTBOX_STATUSES, type CursorField, type OutboxStatus } from '@hub/db';
import { ORDER_EVENT_TYPES, type OrderEventType } from '@hub/orders';
import { z } from 'zod';
import { optionalChoice, pageCursorFields, pickPageCursor, readTextFields } from '../filter-fields';

/** The most events one page shows; "Older events" pages on from the last one. */
export const OUTBOX_PAGE_SIZE = 100;

/** What the operator chose, kept as text so the form shows it again exactly. */
export interface OutboxFormValues {
  status: string;
  event_type: string;
  cursor: string;
  /** The older name of `cursor`, still in links written before the API and the admin shared one. */
  before: string;
}

/** The page's filters once validated. */
export interface OutboxFilters {
  status?: OutboxStatus | undefined;
  eventType?: OrderEventType | undefined;
  /** The id of the last event of the previous page. */
  cursor?: string | undefined;
}

export type OutboxRequest = { kind: 'valid'; filters: OutboxFilters; cursorField: CursorField } | { kind: 'invalid'; problems: string[] };

const outboxQuerySchema = z.object({
  status: optionalChoice('status', OUTBOX_STATUSES),
  event_type: optionalChoice('event_type', ORDER_EVENT_TYPES),
  ...pageCursorFields((t) => t.validation.olderEventsLink),
});

/** The raw filter values from a query string or a form, every field present (empty when not sent). */
export function readOutboxForm(params: Record<string, unknown>): OutboxFormValues {
  return readTextFields(params, ['status', 'event_type', 'cursor', 'before']);
}

/** Validates the filters; each problem is a sentence naming its field. */
export function parseOutboxRequest(form: OutboxFormValues): OutboxRequest {
  const parsed = outboxQuerySchema.safeParse(form);
  if (!parsed.success) return { kind: 'invalid', problems: parsed.error.issues.map((issue) => issue.message) };
  const { status, event_type: eventType } = parsed.data;
  const cursor = pickPageCursor(parsed.data);
  if (cursor.kind === 'invalid') return { kind: 'invalid', problems: [cursor.problem] };
  return { kind: 'valid', filters: { status, eventType, cursor: cursor.cursor }, cursorField: cursor.field };
}

/** The page's address for `filters` (the first page unless `cursor` is given). */
export function outboxUrl(filters: OutboxFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.eventType) params.set('event_type', filters.eventType);
  if (filters.cursor) params.set('cursor', filters.cursor);
  const query = params.toString();
  return query === '' ? '/outbox' : `/outbox?${query}`;
}
