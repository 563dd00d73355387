import type { DeliveryReceipt } from '@hub/outbox';

/** What the other side created for an order: its id and the number people see (1С's number, МойСклад's name). */
export interface SentDocument {
  id: string;
  number: string;
}

/** The receipt a delivery hands the outbox: the document's id as the reference, the document for the `delivered` hook. */
export function receiptFor(document: SentDocument): DeliveryReceipt {
  return { responseRef: document.id, outcome: document };
}

/** The document a delivery of an order recorded in its receipt; a receipt without one is a bug in this lib. */
export function sentDocumentOf(receipt: DeliveryReceipt): SentDocument {
  const outcome = receipt.outcome as Partial<SentDocument> | undefined;
  if (typeof outcome?.id !== 'string' || typeof outcome.number !== 'string') {
    throw new TypeError(`an order's delivery receipt must carry the document it created (id and number), got ${JSON.stringify(receipt.outcome)}`);
  }
  return { id: outcome.id, number: outcome.number };
}
