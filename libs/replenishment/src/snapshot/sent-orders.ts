import type { SessionFactory } from '@hub/db';
import type { OneCClient, OneCTransferOrder } from '@hub/integrations';
import { selectSent, TRANSFER_ORDER, type SentOrder } from '@hub/orders';
import pLimit from 'p-limit';
import { ONE_C_CONCURRENCY } from './read-one-c';

/** What 1С says of one hub transfer order it has accepted; `unknown` carries why the hub will not act on it. */
export type SentOrderVerdict = { order: SentOrder } & ({ verdict: 'received' | 'cancelled' | 'open' } | { verdict: 'unknown'; reason: string });

function judge(order: SentOrder, document: OneCTransferOrder | null): SentOrderVerdict {
  if (document === null) return { order, verdict: 'unknown', reason: `1С has no transfer order with id ${order.externalId}` };
  // The stored id pointing at another hub order's document is corruption, not an answer.
  if (document.hubOrderId.toLowerCase() !== order.id.toLowerCase()) {
    return { order, verdict: 'unknown', reason: `1С's document ${order.externalId} belongs to hub order ${document.hubOrderId}` };
  }
  if (document.status === 'received' || document.status === 'cancelled') return { order, verdict: document.status };
  return { order, verdict: 'open' };
}

/**
 * Asks 1С about every hub transfer order in status 'sent': the open list once (the common
 * answer), then each of the rest by id, since only those changed since the last run and
 * their number stays small. Nothing is written.
 */
export async function reviewSentOrders(sources: { sessions: SessionFactory; oneC: OneCClient }): Promise<SentOrderVerdict[]> {
  const sent = await selectSent(sources.sessions.open(), TRANSFER_ORDER);
  if (sent.length === 0) return [];
  const open = new Set((await sources.oneC.listOpenTransferOrders()).map((document) => document.id));
  return pLimit(ONE_C_CONCURRENCY).map(sent, async (order): Promise<SentOrderVerdict> =>
    open.has(order.externalId) ? { order, verdict: 'open' } : judge(order, await sources.oneC.getTransferOrder(order.externalId)),
  );
}

/** The hub ids of the sent orders 1С has received or cancelled: they move nothing any more. */
export function closedOrderIds(verdicts: readonly SentOrderVerdict[]): string[] {
  return verdicts.filter((v) => v.verdict === 'received' || v.verdict === 'cancelled').map((v) => v.order.id);
}
