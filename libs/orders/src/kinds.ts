import { EXTERNAL_ORDER } from './external-order/external-order-kind';
import type { OrderKind } from './order-kind';
import { TRANSFER_ORDER } from './transfer-order/transfer-order-kind';

/**
 * The closed list of the kinds of document the hub orders with. A new kind is its own
 * module (see transfer-order/) plus one line here; the outbox's handlers and hooks, the API's
 * and the admin's event type filters and the metrics all follow from this list.
 */
export const ORDER_KINDS = [TRANSFER_ORDER, EXTERNAL_ORDER] as const satisfies readonly OrderKind[];

export type OrderEventType = (typeof ORDER_KINDS)[number]['eventType'];

/** Every event type the hub delivers, for filters and metrics. */
export const ORDER_EVENT_TYPES = ORDER_KINDS.map((kind) => kind.eventType) as [OrderEventType, ...OrderEventType[]];
