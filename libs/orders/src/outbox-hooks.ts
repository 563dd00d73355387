import type { AggregateHookRegistry, AggregateHooks } from '@hub/outbox';
import { ORDER_KINDS } from './kinds';
import type { OrderKind } from './order-kind';
import { sentDocumentOf } from './sent-document';
import { failPending, recordSent, reopenFailed } from './status-machine';

/** What the outbox does to an order of `kind` when its event settles: the status machine's outbox transitions. */
function hooksFor(kind: OrderKind): AggregateHooks {
  return {
    async delivered(tx, deliveries) {
      const found = await recordSent(
        tx,
        kind,
        deliveries.map((d) => ({ orderId: d.aggregateId, document: sentDocumentOf(d.receipt) })),
      );
      return new Set(deliveries.filter((d) => !found.has(d.aggregateId)).map((d) => d.eventId));
    },
    async dead(tx, orderIds) {
      await failPending(tx, kind, orderIds);
    },
    retried: (tx, orderIds) => reopenFailed(tx, kind, orderIds),
  };
}

/** The hooks of every kind, by aggregate type: hand them to every outbox call that settles or retries events. */
export const ORDER_OUTBOX_HOOKS: AggregateHookRegistry = Object.fromEntries(ORDER_KINDS.map((kind) => [kind.aggregateType, hooksFor(kind)]));
