import { IntegrationLog } from './integration-log';
import { Product, ReplenishmentRule, Warehouse } from './catalog';
import { ReplenishmentRun, StockSnapshot, TransferOrder, TransferOrderLine } from './replenishment';
import { OutboxEvent } from './outbox-event';
import { ExternalOrder, ExternalOrderLine } from './external-order';
import { RateLimitBucket, RateLimitPermit } from './rate-limit';
import { AdminOperator, AdminSession } from './admin-operator';

export * from './integration-log';
export * from './catalog';
export * from './replenishment';
export * from './outbox-event';
export * from './external-order';
export * from './rate-limit';
export * from './admin-operator';

/** The one entity registry: the apps and the migrator both use exactly this list. */
export const entities = [
  IntegrationLog,
  Warehouse,
  Product,
  ReplenishmentRule,
  ReplenishmentRun,
  StockSnapshot,
  TransferOrder,
  TransferOrderLine,
  ExternalOrder,
  ExternalOrderLine,
  OutboxEvent,
  RateLimitBucket,
  RateLimitPermit,
  AdminOperator,
  AdminSession,
];
