import type { OneCClient, OneCTransferOrder } from '@hub/integrations';
import { mapConcurrently } from '@hub/runtime';
import { ONE_C_CONCURRENCY } from '../catalog/read-one-c';
import { closeSentTransferOrders, selectSentTransferOrders, type SentTransferOrder } from '../sql/transfer-order-status-sql';
import type { RunStep } from './execute-run';
import type { RunDependencies, TransferOrderReconciliation } from './types';

const STEP: RunStep = 'reconcile_orders';

/** What 1С says of one sent order; `unknown` carries why the hub will not act on it. */
type Verdict = { order: SentTransferOrder } & (
  | { kind: 'received' | 'cancelled' | 'open' }
  | { kind: 'unknown'; reason: string }
);

function judge(order: SentTransferOrder, document: OneCTransferOrder | null): Verdict {
  if (document === null) return { order, kind: 'unknown', reason: `1С has no transfer order with id ${order.externalId}` };
  // The stored id pointing at another hub order's document is corruption, not an answer.
  if (document.hubOrderId.toLowerCase() !== order.id.toLowerCase()) {
    return { order, kind: 'unknown', reason: `1С's document ${order.externalId} belongs to hub order ${document.hubOrderId}` };
  }
  if (document.status === 'received' || document.status === 'cancelled') return { order, kind: document.status };
  return { order, kind: 'open' };
}

/**
 * Asks 1С about every sent order: the open list once (the common answer), then each of
 * the rest by id, since only those changed since the last run and their number stays small.
 */
async function askOneC(oneC: OneCClient, sent: readonly SentTransferOrder[]): Promise<Verdict[]> {
  const open = new Set((await oneC.listOpenTransferOrders()).map((document) => document.id));
  return mapConcurrently(sent, ONE_C_CONCURRENCY, async (order): Promise<Verdict> =>
    open.has(order.externalId) ? { order, kind: 'open' } : judge(order, await oneC.getTransferOrder(order.externalId)),
  );
}

/**
 * Brings the hub's sent transfer orders up to date with 1С: received or cancelled there
 * becomes received or cancelled here, so they stop counting as inbound (and as donors'
 * outbound). Every question is asked before anything is written, so a failing 1С
 * changes nothing. An order 1С does not know is left as it is and logged as a WARNING:
 * the hub never guesses whether goods arrived.
 */
export async function reconcileTransferOrders(deps: RunDependencies): Promise<TransferOrderReconciliation> {
  const sent = await selectSentTransferOrders(deps.orm.em.fork());
  if (sent.length === 0) return { ordersChecked: 0, ordersReceived: 0, ordersCancelled: 0, ordersStillOpen: 0, ordersUnknown: 0 };

  const verdicts = await askOneC(deps.oneC, sent);
  const idsOf = (kind: Verdict['kind']) => verdicts.filter((v) => v.kind === kind).map((v) => v.order.id);
  const [received, cancelled] = await deps.orm.em.fork().transactional(async (em) => [
    await closeSentTransferOrders(em, 'received', idsOf('received')),
    await closeSentTransferOrders(em, 'cancelled', idsOf('cancelled')),
  ] as const);

  const unknown = verdicts.flatMap((v) => (v.kind === 'unknown' ? [v] : []));
  for (const { order, reason } of unknown) {
    await deps.logger.warning(`Transfer order ${order.externalNumber ?? order.externalId} left as sent: ${reason}`, {
      step: STEP, status: 'unknown', externalSystem: '1c',
      payload: { transferOrderId: order.id, externalId: order.externalId, externalNumber: order.externalNumber },
    });
  }
  return {
    ordersChecked: sent.length,
    ordersReceived: received,
    ordersCancelled: cancelled,
    ordersStillOpen: idsOf('open').length,
    ordersUnknown: unknown.length,
  };
}

/**
 * The sent orders 1С has received or cancelled, asked the same way but recorded nowhere:
 * a dry run leaves them out of inbound and outbound as a real run's reconciliation would.
 */
export async function findTransferOrdersClosedInOneC(deps: RunDependencies): Promise<string[]> {
  const sent = await selectSentTransferOrders(deps.orm.em.fork());
  if (sent.length === 0) return [];
  const verdicts = await askOneC(deps.oneC, sent);
  return verdicts.filter((v) => v.kind === 'received' || v.kind === 'cancelled').map((v) => v.order.id);
}
