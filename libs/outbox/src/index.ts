export { enqueueEvent, type NewOutboxEvent } from './enqueue';
export { claimDueEvents, type ClaimedEvent, type ClaimOptions, type OutboxEventRef } from './sql/claim-due-events';
export { buryAbandonedEvents, type AbandonedEvent } from './sql/bury-abandoned-events';
export { markDelivered, markDeliveredMany, type DeliveredEvent } from './sql/mark-delivered';
export { markFailed, DEFAULT_MAX_ATTEMPTS, type MarkFailedOptions, type FailureOutcome } from './mark-failed';
export {
  computeRetryDelayMs,
  DEFAULT_BACKOFF,
  RETRY_BASE_DELAY_MS,
  RETRY_MAX_DELAY_MS,
  type BackoffPolicy,
  type RetryDelayInput,
} from './backoff';
export {
  resolveOutboxSettings,
  longestBatchMs,
  DEFAULT_OUTBOX_SETTINGS,
  type OutboxSettings,
  type OutboxSettingsInput,
} from './settings';
export { describeDeliveryFailure, type DeliveryFailure } from './describe-failure';
export {
  createOutboxDispatcher,
  type OutboxHandler,
  type OutboxDispatch,
  type DeliveryReceipt,
  type DeliveryContext,
} from './dispatcher';
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
  EMPTY_BATCH_RESULT,
  type ProcessOutboxBatchOptions,
  type OutboxBatchResult,
  type EventSettlement,
} from './process-batch';
export { drainOutbox, type DrainOutboxOptions, type DrainResult } from './drain-outbox';
export {
  PermanentDeliveryError,
  InvalidOutboxPayloadError,
  UnknownEventTypeError,
  MissingAggregateError,
  DeliveryTimeoutError,
  InvalidOutboxSettingsError,
} from './errors';
export { outboxSettingsFromEnv } from './settings-from-env';
export type { OutboxEventView } from './ops/outbox-event-view';
export { listOutboxEvents, type OutboxEventQuery, type OutboxEventPage } from './ops/list-outbox-events';
export { readOutboxStats, type OutboxStats, type EventTypeStats, type StatusCounts } from './ops/outbox-stats';
export { formatOutboxMetrics, PROMETHEUS_CONTENT_TYPE } from './ops/outbox-metrics';
export { retryDeadEvent, type ManualRetryResult } from './ops/retry-dead-event';
