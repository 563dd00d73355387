import type { MikroORM } from '@hub/db';
import { msOrderRequestSchema, type MoySkladClient, type MoySkladOrderParties, type MsOrderRequest } from '@hub/integrations';
import type { OutboxHandler } from '../dispatcher';
import { InvalidOutboxPayloadError, MissingAggregateError } from '../errors';
import { ownSession } from '../own-session';
import { recordOrderSent } from '../sql/record-order-sent';
import { createProductResolver } from './ms-product-resolver';

export interface MsCustomerOrderHandlerDeps {
  moysklad: Pick<MoySkladClient, 'findProductsByArticle' | 'findCustomerOrderByExternalCode' | 'createCustomerOrder' | 'completeCustomerOrderPositions'>;
  orm: MikroORM;
  /** Our supplier's legal entity, us as its counterparty, and its store. */
  parties: MoySkladOrderParties;
  /** How long an SKU → product lookup is reused (МойСклад's product ids do not change); default 5 minutes. */
  productCacheMs?: number;
}

const MAX_DESCRIPTION = 4096;

function describeOrder(request: MsOrderRequest): string {
  const target = `${request.targetWarehouse.code} ${request.targetWarehouse.name}`;
  return (request.comment ? `${target}: ${request.comment}` : target).slice(0, MAX_DESCRIPTION);
}

/**
 * Delivers CREATE_MS_CUSTOMER_ORDER as a МойСклад customer order with externalCode = the event
 * id. МойСклад has no idempotency key, so duplicates are prevented twice over:
 * - an event tried before (attempts > 1: the claim counts the current try) may have reached
 *   МойСклад with its answer lost, or its replica may have died mid-delivery:
 *   it is looked up by externalCode first, and an order found is reused (and completed, when a
 *   large order stopped between its chunks of positions);
 * - every create also carries syncId = the event id, which МойСклад documents as returning the
 *   earlier document on a repeat, should a lookup miss an order still being created. Looking up
 *   before every first attempt would halve the orders deliverable within the rate limit.
 */
export function createMsCustomerOrderHandler(deps: MsCustomerOrderHandlerDeps): OutboxHandler {
  const resolveProducts = createProductResolver(deps.moysklad, deps.productCacheMs);

  return async function deliverMsCustomerOrder(event, context) {
    const parsed = msOrderRequestSchema.safeParse(event.payload);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      throw new InvalidOutboxPayloadError(event.id, problem, { cause: parsed.error });
    }
    const request = parsed.data;
    const productIds = await resolveProducts(event.id, request.lines.map((line) => line.sku));
    const positions = request.lines.map((line) => ({ productId: productIds.get(line.sku) as string, quantity: line.quantity }));

    const call = { signal: context?.signal };
    const earlier = event.attempts > 1 ? await deps.moysklad.findCustomerOrderByExternalCode(event.id, call) : null;
    const order = earlier
      ? await deps.moysklad.completeCustomerOrderPositions(earlier, positions, call)
      : await deps.moysklad.createCustomerOrder(
          { ...deps.parties, externalCode: event.id, syncId: event.id, description: describeOrder(request), positions },
          call,
        );

    const recorded = await recordOrderSent(ownSession(deps.orm), 'external_orders', request.hubOrderId, { id: order.id, number: order.name });
    if (!recorded) throw new MissingAggregateError(event.id, `external order ${request.hubOrderId}`);
    return { responseRef: order.id };
  };
}
