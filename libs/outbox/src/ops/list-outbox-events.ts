import {
  keysetTable,
  newestFirst,
  olderThanCursor,
  readKeysetPage,
  type EntityManager,
  type KeysetPage,
  type KeysetPageRequest,
  type OutboxStatus,
} from '@hub/db';
import { OUTBOX_EVENT_COLUMNS, toOutboxEventView, type OutboxEventRow, type OutboxEventView } from './outbox-event-view';

/** Which events to list, newest first: by status and type (each optional), a page from `cursor` on. */
export interface OutboxEventQuery extends KeysetPageRequest {
  status?: OutboxStatus | undefined;
  eventType?: string | undefined;
  includePayload?: boolean | undefined;
}

const OUTBOX_EVENTS = keysetTable('outbox_events', 'outbox event');

// Absent filters are `? is null` and fold away. Parameters: include payload, status, event type, the keyset's.
const SELECT_EVENTS = `
  select ${OUTBOX_EVENT_COLUMNS}, case when ?::boolean then payload end as payload
  from outbox_events
  where (?::text is null or status = ?::text)
    and (?::text is null or event_type = ?::text)
    and ${olderThanCursor(OUTBOX_EVENTS)}
  ${newestFirst(OUTBOX_EVENTS)}`;

/**
 * Lists outbox events newest first, optionally by status and type, one page at a time.
 * Throws UnknownCursorError (from @hub/db) when `cursor` names no event.
 */
export async function listOutboxEvents(em: EntityManager, query: OutboxEventQuery): Promise<KeysetPage<OutboxEventView>> {
  const status = query.status ?? null;
  const eventType = query.eventType ?? null;
  const page = await readKeysetPage(em, OUTBOX_EVENTS, query, (keyset) =>
    em.execute<OutboxEventRow[]>(SELECT_EVENTS, [query.includePayload ?? false, status, status, eventType, eventType, ...keyset.cursor, keyset.limit], 'all'),
  );
  return { items: page.items.map(toOutboxEventView), nextCursor: page.nextCursor };
}
