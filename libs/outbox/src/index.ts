export { enqueueEvent, type NewOutboxEvent } from './enqueue';
export { claimDueEvents, type ClaimedEvent, type ClaimOptions } from './sql/claim-due-events';
export { markDelivered } from './sql/mark-delivered';
export { markFailed, DEFAULT_MAX_ATTEMPTS, type MarkFailedOptions, type FailureOutcome } from './mark-failed';
export { computeRetryDelayMs, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS, type RetryDelayInput } from './backoff';
export { describeDeliveryFailure, redactSecrets, type DeliveryFailure } from './describe-failure';
export { createOutboxDispatcher, type OutboxHandler, type OutboxDispatch, type DeliveryReceipt } from './dispatcher';
export { createOneCTransferOrderHandler, type OneCTransferOrderHandlerDeps } from './handlers/one-c-transfer-order';
export { createMsCustomerOrderHandler, type MsCustomerOrderHandlerDeps } from './handlers/ms-customer-order';
export { UnknownMoySkladProductError } from './handlers/ms-product-resolver';
export { recordOrderSent, type SentOrderTable } from './sql/record-order-sent';
export {
  createPgRateLimiter,
  moySkladRateBucket,
  type PgRateLimiter,
  type PgRateLimiterOptions,
  type PgRatePermit,
  type GrantAttempt,
} from './rate-limit/pg-rate-limiter';
export {
  processOutboxBatch,
  DEFAULT_BATCH_SIZE,
  DEFAULT_LEASE_MS,
  type ProcessOutboxBatchOptions,
  type OutboxBatchResult,
  type EventSettlement,
} from './process-batch';
export {
  PermanentDeliveryError,
  InvalidOutboxPayloadError,
  UnknownEventTypeError,
  MissingAggregateError,
} from './errors';
export type { OutboxEventView } from './ops/outbox-event-view';
export { listOutboxEvents, type OutboxEventQuery, type OutboxEventPage } from './ops/list-outbox-events';
export { readOutboxStats, type OutboxStats, type EventTypeStats, type StatusCounts } from './ops/outbox-stats';
export { formatOutboxMetrics, PROMETHEUS_CONTENT_TYPE } from './ops/outbox-metrics';
export { retryDeadEvent, type ManualRetryResult } from './ops/retry-dead-event';
