import { TransferOrder, TransferOrderLine } from '@hub/db';
import type { OrderKind } from '../order-kind';
import { deliverTransferOrder } from './deliver-transfer-order';

/** A "заказ на перемещение" between two own warehouses, created in 1С. */
export const TRANSFER_ORDER = {
  label: 'transfer order',
  eventType: 'CREATE_1C_TRANSFER_ORDER',
  aggregateType: 'transfer_order',
  table: TransferOrder.meta.tableName,
  lines: { table: TransferOrderLine.meta.tableName, orderColumn: 'transfer_order_id' },
  system: '1c',
  createHandler: (clients) => deliverTransferOrder(clients.oneC),
} as const satisfies OrderKind;
