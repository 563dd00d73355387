import { createOutboxDispatcher, type OutboxDispatch } from '@hub/outbox';
import { ORDER_KINDS } from './kinds';
import type { OrderClients } from './order-kind';

/** Routes every kind's events to its delivery, with the clients this process has. */
export function createOrderDispatch(clients: OrderClients): OutboxDispatch {
  return createOutboxDispatcher(Object.fromEntries(ORDER_KINDS.map((kind) => [kind.eventType, kind.createHandler(clients)])));
}
