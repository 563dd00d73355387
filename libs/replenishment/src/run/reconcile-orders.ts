import { closeSent, TRANSFER_ORDER } from '@hub/orders';
import type { SentOrderVerdict } from '../snapshot/sent-orders';
import type { RunDependencies, RunStep, TransferOrderReconciliation } from './types';

const STEP: RunStep = 'reconcile_orders';

/**
 * Records what 1С said of the hub's sent transfer orders: received or cancelled there
 * becomes received or cancelled here, so they stop counting as inbound (and as donors'
 * outbound). Every question was asked before anything is written, so a failing 1С changes
 * nothing. An order 1С does not know is left as it is and logged as a WARNING: the hub
 * never guesses whether goods arrived.
 */
export async function recordReconciliation(deps: RunDependencies, verdicts: readonly SentOrderVerdict[]): Promise<TransferOrderReconciliation> {
  const idsOf = (verdict: SentOrderVerdict['verdict']) => verdicts.filter((v) => v.verdict === verdict).map((v) => v.order.id);
  const [received, cancelled] =
    verdicts.length === 0 ?
      [0, 0]
    : await deps.sessions.withSession(
        async (em) =>
          [await closeSent(em, TRANSFER_ORDER, 'received', idsOf('received')), await closeSent(em, TRANSFER_ORDER, 'cancelled', idsOf('cancelled'))] as const,
      );

  const unknown = verdicts.flatMap((v) => (v.verdict === 'unknown' ? [v] : []));
  for (const { order, reason } of unknown) {
    await deps.logger.warning(`Transfer order ${order.externalNumber ?? order.externalId} left as sent: ${reason}`, {
      step: STEP,
      status: 'unknown',
      externalSystem: '1c',
      payload: { transferOrderId: order.id, externalId: order.externalId, externalNumber: order.externalNumber },
    });
  }
  return {
    ordersChecked: verdicts.length,
    ordersReceived: received,
    ordersCancelled: cancelled,
    ordersStillOpen: idsOf('open').length,
    ordersUnknown: unknown.length,
  };
}
