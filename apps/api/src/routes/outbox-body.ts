import type { EventTypeStats, OutboxEventView, OutboxStats } from '@hub/outbox';
import { iso } from './timestamps';

/** An event as the API shows it: snake_case, ISO 8601 times, `payload` only when it was read. */
export function outboxEventBody(event: OutboxEventView) {
  return {
    id: event.id,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    event_type: event.eventType,
    status: event.status,
    attempts: event.attempts,
    next_attempt_at: iso(event.nextAttemptAt),
    lease_owner: event.leaseOwner,
    lease_expires_at: iso(event.leaseExpiresAt),
    last_error: event.lastError,
    response_ref: event.responseRef,
    created_at: iso(event.createdAt),
    updated_at: iso(event.updatedAt),
    delivered_at: iso(event.deliveredAt),
    ...(event.payload === undefined ? {} : { payload: event.payload }),
  };
}

function eventTypeBody(type: EventTypeStats) {
  return { by_status: type.byStatus, oldest_pending_age_seconds: type.oldestPendingAgeSeconds };
}

/** Counts by status, per event type, and the age of the oldest pending event. */
export function outboxStatsBody(stats: OutboxStats) {
  return {
    by_status: stats.byStatus,
    by_event_type: Object.fromEntries(stats.byEventType.map((type) => [type.eventType, eventTypeBody(type)])),
    oldest_pending_age_seconds: stats.oldestPendingAgeSeconds,
  };
}
