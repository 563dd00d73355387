import { MOYSKLAD_DEFAULT_PRICE_TYPE, type MsProduct } from '@hub/integrations';
import type { OutboxHandler } from '@hub/outbox';
import type { OrderClients } from '../order-kind';
import { readPayload } from '../payload';
import { receiptFor } from '../sent-document';
import { msOrderRequestSchema, type MsOrderRequest } from './order-request';
import { pricePositions } from './position-pricing';
import { createProductResolver } from './product-resolver';

const MAX_DESCRIPTION = 4096;

function describeOrder(request: MsOrderRequest): string {
  const target = `${request.targetWarehouse.code} ${request.targetWarehouse.name}`;
  return (request.comment ? `${target}: ${request.comment}` : target).slice(0, MAX_DESCRIPTION);
}

/**
 * Delivers an outside order as a МойСклад customer order with externalCode = the event id.
 * МойСклад has no idempotency key, so duplicates are prevented twice over:
 * - an event tried before (attempts > 1: the claim counts the current try) may have reached
 *   МойСклад with its answer lost, or its replica may have died mid-delivery:
 *   it is looked up by externalCode first, and an order found is reused (and completed, when a
 *   large order stopped between its chunks of positions);
 * - every create also carries syncId = the event id, which МойСклад documents as returning the
 *   earlier document on a repeat, should a lookup miss an order still being created. Looking up
 *   before every first attempt would halve the orders deliverable within the rate limit.
 */
export function deliverExternalOrder(moysklad: NonNullable<OrderClients['moysklad']>): OutboxHandler {
  const resolveProducts = createProductResolver(moysklad.client, { skuField: moysklad.ordering?.skuField, cacheMs: moysklad.productCacheMs });
  const pricing = {
    price: moysklad.ordering?.price ?? { kind: 'salePrice' as const, priceType: MOYSKLAD_DEFAULT_PRICE_TYPE },
    reserve: moysklad.ordering?.reserve ?? false,
  };

  return async function deliverMsCustomerOrder(event, context) {
    const request = readPayload(event, msOrderRequestSchema);
    const products = await resolveProducts(
      event.id,
      request.lines.map((line) => line.sku),
    );
    const lines = request.lines.map((line) => ({ sku: line.sku, quantity: line.quantity, product: products.get(line.sku) as MsProduct }));
    const positions = pricePositions(event.id, lines, pricing);

    const call = { signal: context.signal };
    const earlier = event.attempts > 1 ? await moysklad.client.findCustomerOrderByExternalCode(event.id, call) : null;
    const order =
      earlier ?
        await moysklad.client.completeCustomerOrderPositions(earlier, positions, call)
      : await moysklad.client.createCustomerOrder(
          { ...moysklad.parties, externalCode: event.id, syncId: event.id, description: describeOrder(request), positions },
          call,
        );
    return receiptFor({ id: order.id, number: order.name });
  };
}
