/*
 * The hub's documents and their lifecycle: the closed list of order kinds (a transfer to
 * 1С, an outside order to МойСклад), writing an order with the event that delivers it, the
 * deliveries, the outbox hooks that move an order's status, and МойСклад's shared rate limit.
 */
export { ORDER_EVENT_TYPES, type OrderEventType } from './kinds';
export type { OrderKind, OrderClients, MoySkladOrdering } from './order-kind';
export { TRANSFER_ORDER } from './transfer-order/transfer-order-kind';
export { EXTERNAL_ORDER } from './external-order/external-order-kind';
export { msOrderRequestSchema, type MsOrderRequest } from './external-order/order-request';
export {
  openTransferOrderWriter,
  writeTransferOrder,
  writeTransferOrders,
  type NewTransferOrder,
  type OneCReference,
  type TransferOrderHead,
  type TransferOrderLine,
} from './transfer-order/write-transfer-order';
export {
  openExternalOrderWriter,
  writeExternalOrder,
  writeExternalOrders,
  type ExternalOrderHead,
  type ExternalOrderLine,
  type NewExternalOrder,
} from './external-order/write-external-order';
export type { OrderWriter, OrderPart } from './order-writer';
export { createOrderDispatch } from './order-delivery';
export { ORDER_OUTBOX_HOOKS } from './outbox-hooks';
export { OPEN_ORDER_STATUSES, closeSent, selectSent, type ClosedOrderStatus, type SentOrder } from './status-machine';
export { createPgRateLimiter, moySkladRateBucket, type PgRateLimiter } from './moysklad-rate-limit/pg-rate-limiter';
