import type { EntityManager, OutboxStatus } from '@hub/db';
import { OUTBOX_EVENT_COLUMNS, toOutboxEventView, type OutboxEventRow, type OutboxEventView } from './outbox-event-view';

/** Which events to list, newest first. */
export interface OutboxEventQuery {
  status?: OutboxStatus | undefined;
  eventType?: string | undefined;
  /** The id of an event: only events older than it are listed (the next page). */
  before?: string | undefined;
  /** How many events at most; one more is read to tell whether another page follows. */
  limit: number;
  includePayload?: boolean | undefined;
}

/**
 * One page of events. `nextBefore` is the `before` of the following page, null on the
 * last one; `unknown_cursor`: `before` names no event (a typo, or a page link from
 * another database).
 */
export type OutboxEventPage =
  | { kind: 'page'; events: OutboxEventView[]; nextBefore: string | null }
  | { kind: 'unknown_cursor' };

const CURSOR_EXISTS = `select exists (select 1 from outbox_events where id = ?::uuid) as "exists"`;

// Keyset pagination on (created_at, id), the order the page is sorted in: a page stays
// correct while new events arrive. Absent filters are `? is null` and fold away.
const SELECT_EVENTS = `
  select ${OUTBOX_EVENT_COLUMNS}, case when ?::boolean then payload end as payload
  from outbox_events
  where (?::text is null or status = ?::text)
    and (?::text is null or event_type = ?::text)
    and (?::uuid is null
         or (created_at, id) < (select cursor.created_at, cursor.id from outbox_events cursor where cursor.id = ?::uuid))
  order by created_at desc, id desc
  limit ?::integer`;

/** Lists outbox events newest first, optionally by status and type, one page at a time. */
export async function listOutboxEvents(em: EntityManager, query: OutboxEventQuery): Promise<OutboxEventPage> {
  if (!Number.isInteger(query.limit) || query.limit < 1) throw new RangeError(`limit must be a positive integer, not ${query.limit}`);
  const before = query.before ?? null;
  if (before !== null) {
    const [cursor] = await em.execute<{ exists: boolean }[]>(CURSOR_EXISTS, [before], 'all');
    if (!cursor?.exists) return { kind: 'unknown_cursor' };
  }
  const status = query.status ?? null;
  const eventType = query.eventType ?? null;
  const rows = await em.execute<OutboxEventRow[]>(
    SELECT_EVENTS,
    [query.includePayload ?? false, status, status, eventType, eventType, before, before, query.limit + 1],
    'all',
  );
  const events = rows.slice(0, query.limit).map(toOutboxEventView);
  const more = rows.length > query.limit;
  return { kind: 'page', events, nextBefore: more ? (events.at(-1)?.id ?? null) : null };
}
