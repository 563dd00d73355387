import { ExternalOrder, ExternalOrderLine } from '@hub/db';
import type { OrderKind } from '../order-kind';
import { deliverExternalOrder } from './deliver-external-order';

/** What own warehouses could not cover for one target, ordered from the supplier as a МойСклад customer order ("заказ покупателя"). */
export const EXTERNAL_ORDER = {
  label: 'outside order',
  eventType: 'CREATE_MS_CUSTOMER_ORDER',
  aggregateType: 'external_order',
  table: ExternalOrder.meta.tableName,
  lines: { table: ExternalOrderLine.meta.tableName, orderColumn: 'external_order_id' },
  system: 'moysklad',
  createHandler: (clients) => (clients.moysklad ? deliverExternalOrder(clients.moysklad) : undefined),
} as const satisfies OrderKind;
