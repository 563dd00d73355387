import type { OneCTransferOrder, OneCTransferOrderStatus } from '../one-c/contract';
import type { TransferDocument } from './odata-rows';

/** What every document the hub writes carries in its idempotency field. */
export const ANY_HUB_MARKER = 'integration-hub event=';
/** Marks a document as the hub's: found again by the event id, and naming the hub order it carries. */
export const hubMarker = (eventId: string, hubOrderId: string) => `${ANY_HUB_MARKER}${eventId} order=${hubOrderId}`;
/** What finds the document of one event (the trailing space keeps one id from matching a longer one). */
export const eventNeedle = (eventId: string) => `${ANY_HUB_MARKER}${eventId} `;
const MARKER_ORDER = /integration-hub event=\S+ order=([0-9a-f-]{36})/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A Document_ПеремещениеТоваров as the port's transfer order: marked for deletion → cancelled, not
 * posted → draft, posted with Статус `receivedStatus` (Принято) → received, else shipped (Отгружено).
 * The hub order comes from the marker; a document without one names the nil UUID, so the
 * reconciliation calls it someone else's.
 */
export function transferOrderOf(document: TransferDocument, catalog: ReadonlyMap<string, { sku: string }>, receivedStatus: string): OneCTransferOrder {
  const status: OneCTransferOrderStatus =
    document.deleted ? 'cancelled'
    : !document.posted ? 'draft'
    : document.status === receivedStatus ? 'received'
    : 'shipped';
  return {
    id: document.id,
    number: document.number || document.id,
    status,
    hubOrderId: MARKER_ORDER.exec(document.marker)?.[1]?.toLowerCase() ?? NIL_UUID,
    sourceWarehouseId: document.sourceWarehouseId,
    targetWarehouseId: document.targetWarehouseId,
    lines: document.lines.map((line) => ({
      productId: line.productId,
      sku: catalog.get(line.productId)?.sku || line.productId,
      quantity: Math.round(line.quantity),
    })),
  };
}
