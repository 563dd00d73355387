import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const OUTBOX_STATUSES = ['pending', 'in_flight', 'delivered', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A document waiting to be delivered downstream. Written in the same transaction as
 * the business rows; `id` doubles as the idempotency key sent to the other side. Event and
 * aggregate types are the names the outbox's users register (libs/orders lists the hub's).
 */
export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_events',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    aggregateType: p.text().columnType('text'),
    aggregateId: p.uuid().columnType('uuid'),
    eventType: p.text().columnType('text'),
    payload: p.json<Record<string, unknown>>().columnType('jsonb'),
    status: p.string().$type<OutboxStatus>().columnType('text').default('pending'),
    attempts: p.integer().columnType('integer').default(0),
    nextAttemptAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    leaseOwner: p.text().columnType('text').nullable(),
    leaseExpiresAt: p.datetime().columnType('timestamptz').nullable(),
    lastError: p.text().columnType('text').nullable(),
    responseRef: p.text().columnType('text').nullable(),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    deliveredAt: p.datetime().columnType('timestamptz').nullable(),
  }),
  indexes: [
    { name: 'outbox_events_status_next_attempt_index', properties: ['status', 'nextAttemptAt'] },
    { name: 'outbox_events_aggregate_index', properties: ['aggregateType', 'aggregateId', 'createdAt'] },
    // Partial (undelivered only), which MikroORM 6 can express only as raw DDL; compared by name.
    {
      name: 'outbox_events_undelivered_index',
      expression: "create index outbox_events_undelivered_index on outbox_events (created_at, id) where status in ('pending', 'in_flight')",
    },
  ],
});
export type OutboxEvent = InferEntity<typeof OutboxEvent>;
