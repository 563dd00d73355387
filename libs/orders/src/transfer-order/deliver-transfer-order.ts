import { oneCCreateTransferOrderSchema, type OneCClient } from '@hub/integrations';
import type { OutboxHandler } from '@hub/outbox';
import { readPayload } from '../payload';
import { receiptFor } from '../sent-document';

/**
 * Delivers a transfer order to 1С: the event's payload is the 1С create request itself. The
 * event id is the Idempotency-Key, so a retry after a lost answer (or a replica that
 * died after sending) gets the same 1С document back instead of a second one.
 */
export function deliverTransferOrder(oneC: Pick<OneCClient, 'createTransferOrder'>): OutboxHandler {
  return async function deliverOneCTransferOrder(event, context) {
    const request = readPayload(event, oneCCreateTransferOrderSchema);
    const { order } = await oneC.createTransferOrder(request, { idempotencyKey: event.id, signal: context.signal });
    return receiptFor({ id: order.id, number: order.number });
  };
}
