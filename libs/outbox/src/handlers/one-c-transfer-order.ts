import type { MikroORM } from '@hub/db';
import { oneCCreateTransferOrderSchema, type OneCClient } from '@hub/integrations';
import type { OutboxHandler } from '../dispatcher';
import { ownSession } from '../own-session';
import { InvalidOutboxPayloadError, MissingAggregateError } from '../errors';
import { recordOrderSent } from '../sql/record-order-sent';

export interface OneCTransferOrderHandlerDeps {
  oneC: Pick<OneCClient, 'createTransferOrder'>;
  orm: MikroORM;
}

/**
 * Delivers CREATE_1C_TRANSFER_ORDER: the payload is the 1С create request itself. The
 * event id is the Idempotency-Key, so a retry after a lost answer (or a replica that
 * died after sending) gets the same 1С document back instead of a second one.
 */
export function createOneCTransferOrderHandler(deps: OneCTransferOrderHandlerDeps): OutboxHandler {
  return async function deliverOneCTransferOrder(event, context) {
    const parsed = oneCCreateTransferOrderSchema.safeParse(event.payload);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      throw new InvalidOutboxPayloadError(event.id, problem, { cause: parsed.error });
    }
    const { order } = await deps.oneC.createTransferOrder(parsed.data, { idempotencyKey: event.id, signal: context?.signal });
    const recorded = await recordOrderSent(ownSession(deps.orm), 'transfer_orders', parsed.data.hubOrderId, order);
    if (!recorded) throw new MissingAggregateError(event.id, `transfer order ${parsed.data.hubOrderId}`);
    return { responseRef: order.id };
  };
}
