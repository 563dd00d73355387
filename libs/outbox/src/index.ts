/*
 * The transactional outbox, generic: it knows event types and aggregate types only as the
 * names its users register. Write events with `enqueueEvent` in the business transaction;
 * deliver them with `drainOutbox` (or one `processOutboxBatch`) through handlers by event
 * type; let `AggregateHooks` by aggregate type change the rows the events describe in the
 * outbox's own transactions; operate it with the listing, stats, metrics and manual retry.
 */
export { enqueueEvent, enqueueEventBatch, type NewOutboxEvent } from './enqueue';
export { createOutboxDispatcher, type OutboxHandler, type OutboxDispatch, type DeliveryReceipt, type DeliveryContext } from './dispatcher';
export type { AggregateHooks, AggregateHookRegistry, AggregateDelivery } from './aggregate-hooks';
export type { ClaimedEvent, OutboxEventRef } from './sql/claim-due-events';
export { OUTBOX_STATEMENTS } from './sql/statements';
export { processOutboxBatch, type ProcessOutboxBatchOptions, type OutboxBatchResult, type EventSettlement } from './process-batch';
export { drainOutbox, type DrainOutboxOptions, type DrainResult } from './drain-outbox';
export { PermanentDeliveryError, InvalidOutboxPayloadError } from './errors';
export { outboxSettingsFromEnv } from './settings-from-env';
export type { OutboxSettings, OutboxSettingsInput } from './settings';
export type { OutboxEventView } from './ops/outbox-event-view';
export { listOutboxEvents, type OutboxEventQuery } from './ops/list-outbox-events';
export { readOutboxStats, type OutboxStats, type EventTypeStats } from './ops/outbox-stats';
export { DELIVERY_RESULTS, registerDeliveryCounter, registerOutboxGauges, type DeliveryCounter, type OutboxGauges } from './ops/outbox-metrics';
export { readDeliveryHours, OUTBOX_TICK_FINISHED, type DeliveryHour } from './ops/delivery-history';
export { retryDeadEvent, type ManualRetryResult } from './ops/retry-dead-event';
