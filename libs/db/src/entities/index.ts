import { IntegrationLog } from './integration-log';
import { Product, ReplenishmentRule, Warehouse } from './catalog';
import { ReplenishmentRun, StockSnapshot, TransferOrder, TransferOrderLine } from './replenishment';
import { OutboxEvent } from './outbox-event';

export * from './integration-log';
export * from './catalog';
export * from './replenishment';
export * from './outbox-event';

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
  OutboxEvent,
];
