import { oneCCreateTransferOrderSchema, type OneCClient } from '@hub/integrations';
import type { OutboxHandler } from '@hub/outbox';
import { readPayload } from '../payload';
import { receiptFor } from '../sent-document';

/**
 * Delivers a transfer order to 1С: the event's payload is the 1С create request itself. The
 * event id is the idempotency key (the HTTP service's Idempotency-Key header; the OData connector
 * looks it up in the document's comment before creating), so a retry after a lost answer (or a replica that
 * died after sending) gets the same 1С document back instead of a second one.
 */
export function deliverTransferOrder(oneC: Pick<OneCClient, 'createTransferOrder'>): OutboxHandler {
  return async function deliverOneCTransferOrder(event, context) {
    const request = readPayload(event, oneCCreateTransferOrderSchema);
    const { order } = await oneC.createTransferOrder(request, { idempotencyKey: event.id, signal: context.signal });
    return receiptFor({ id: order.id, number: order.number });
  };
}
