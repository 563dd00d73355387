import { OUTBOX_STATUSES, type EntityManager, type OutboxStatus } from '@hub/db';

/** How many events are in each status. */
export type StatusCounts = Record<OutboxStatus, number>;

/** One event type's share of the outbox. */
export interface EventTypeStats {
  eventType: string;
  byStatus: StatusCounts;
  /** Seconds since the oldest pending event of this type was written; null when none is pending. */
  oldestPendingAgeSeconds: number | null;
}

/** The outbox at a glance, for the admin and /metrics. */
export interface OutboxStats {
  byStatus: StatusCounts;
  /** Every event type the caller knows (zeros included), then any other type found in the table. */
  byEventType: EventTypeStats[];
  oldestPendingAgeSeconds: number | null;
}

interface CountRow {
  event_type: string;
  status: string;
  count: number;
  oldest_age_seconds: number;
}

// One pass over the table; the age is the database's now() minus created_at, so the
// reader's clock plays no part.
const COUNT_EVENTS = `
  select event_type, status, count(*)::integer as count,
    extract(epoch from now() - min(created_at))::float8 as oldest_age_seconds
  from outbox_events
  group by event_type, status
  order by event_type, status`;

const zeroCounts = (): StatusCounts => Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as StatusCounts;
const isKnownStatus = (status: string): status is OutboxStatus => (OUTBOX_STATUSES as readonly string[]).includes(status);
const older = (a: number | null, b: number): number => (a === null ? b : Math.max(a, b));

/**
 * Counts events by status and by event type, with the age of the oldest pending one.
 * `knownEventTypes` (those the process has handlers for) are listed even without events, so
 * a gauge or an alert on them has a series from the start.
 */
export async function readOutboxStats(em: EntityManager, knownEventTypes: readonly string[] = []): Promise<OutboxStats> {
  const rows = await em.execute<CountRow[]>(COUNT_EVENTS, [], 'all');
  const byType = new Map<string, EventTypeStats>(
    knownEventTypes.map((eventType) => [eventType, { eventType, byStatus: zeroCounts(), oldestPendingAgeSeconds: null }]),
  );
  const stats: OutboxStats = { byStatus: zeroCounts(), byEventType: [], oldestPendingAgeSeconds: null };
  for (const row of rows) {
    if (!isKnownStatus(row.status)) continue;
    const typeStats = byType.get(row.event_type) ?? { eventType: row.event_type, byStatus: zeroCounts(), oldestPendingAgeSeconds: null };
    byType.set(row.event_type, typeStats);
    typeStats.byStatus[row.status] += row.count;
    stats.byStatus[row.status] += row.count;
    if (row.status === 'pending') {
      typeStats.oldestPendingAgeSeconds = older(typeStats.oldestPendingAgeSeconds, row.oldest_age_seconds);
      stats.oldestPendingAgeSeconds = older(stats.oldestPendingAgeSeconds, row.oldest_age_seconds);
    }
  }
  stats.byEventType = [...byType.values()];
  return stats;
}
