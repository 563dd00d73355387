import { Counter, Gauge, type Registry } from 'prom-client';
import { OUTBOX_STATUSES } from '@hub/db';
import type { EventSettlement } from '../process-batch';
import type { OutboxStats } from './outbox-stats';

/** The outbox's gauges, set from a fresh `readOutboxStats` on every scrape. */
export interface OutboxGauges {
  update(stats: OutboxStats): void;
  /** The stats could not be read (the database did not answer): no outbox series rather than stale ones. */
  unavailable(): void;
}

/**
 * `hub_outbox_events{status,event_type}` for every status × event type (zeros too, so an alert
 * on dead events has a series from the start) and `hub_outbox_oldest_pending_age_seconds{event_type}`,
 * 0 when none is pending. A type gone from the stats is gone from the gauges. `hub_outbox_stats_up`
 * says whether they were read at all: a scrape during a database outage still answers.
 */
export function registerOutboxGauges(registry: Registry): OutboxGauges {
  const events = new Gauge({
    name: 'hub_outbox_events',
    help: 'Outbox events by status and event type.',
    labelNames: ['status', 'event_type'],
    registers: [registry],
  });
  const oldestPending = new Gauge({
    name: 'hub_outbox_oldest_pending_age_seconds',
    help: 'Seconds since the oldest pending outbox event of a type was written; 0 when none is pending.',
    labelNames: ['event_type'],
    registers: [registry],
  });
  const statsUp = new Gauge({
    name: 'hub_outbox_stats_up',
    help: 'Whether this scrape read the outbox from the database (1) or could not (0: hub_outbox_events and its age are absent).',
    registers: [registry],
  });
  return {
    unavailable() {
      events.reset();
      oldestPending.reset();
      statsUp.set(0);
    },
    update(stats) {
      events.reset();
      oldestPending.reset();
      statsUp.set(1);
      for (const type of stats.byEventType) {
        for (const status of OUTBOX_STATUSES) events.set({ status, event_type: type.eventType }, type.byStatus[status]);
        oldestPending.set({ event_type: type.eventType }, type.oldestPendingAgeSeconds ?? 0);
      }
    },
  };
}

/** How a delivery attempt can end, as `hub_outbox_deliveries_total` labels it. */
export const DELIVERY_RESULTS = [
  'delivered',
  'retried',
  'dead',
  'lease_lost',
  'lease_lost_after_delivery',
] as const satisfies readonly EventSettlement['status'][];

/** Counts each settled delivery attempt; pass it `drainOutbox`'s `onSettled`. */
export interface DeliveryCounter {
  count(settlement: EventSettlement): void;
}

/**
 * `hub_outbox_deliveries_total{event_type,result}`: delivery attempts by how they ended, every
 * result of every type in `eventTypes` starting at 0 (a rate over a series that never existed is no rate).
 */
export function registerDeliveryCounter(registry: Registry, eventTypes: readonly string[]): DeliveryCounter {
  const deliveries = new Counter({
    name: 'hub_outbox_deliveries_total',
    help: 'Outbox delivery attempts by event type and how they ended.',
    labelNames: ['event_type', 'result'],
    registers: [registry],
  });
  for (const eventType of eventTypes) for (const result of DELIVERY_RESULTS) deliveries.inc({ event_type: eventType, result }, 0);
  return {
    count(settlement) {
      deliveries.inc({ event_type: settlement.event.eventType, result: settlement.status });
    },
  };
}
