import type { MoySkladOrderSettings, MsOrderPosition, MsPriceSource, MsProduct } from '@hub/integrations';
import { PermanentDeliveryError } from '@hub/outbox';

/** The configured price is missing on a product: ordering it at 0 would be wrong, so nothing is ordered until someone sets it. */
export class MissingMoySkladPriceError extends PermanentDeliveryError {
  constructor(eventId: string, missing: ReadonlyArray<{ sku: string; product: MsProduct }>, source: MsPriceSource) {
    const what = source.kind === 'buyPrice' ? 'the purchase price (buyPrice)' : `the sale price of type «${source.priceType}»`;
    const products = missing.map(({ sku, product }) => `SKU ${sku}: ${product.id} «${product.name}»`).join('; ');
    super(`Outbox event ${eventId} cannot price its positions: these МойСклад products have ${what} missing (${products})`);
    this.name = 'MissingMoySkladPriceError';
  }
}

/** The product's price in kopecks from the configured source, or undefined when it has none. */
export function priceOf(product: MsProduct, source: MsPriceSource): number | undefined {
  if (source.kind === 'buyPrice') return product.buyPrice;
  return product.salePrices.find((price) => price.priceType === source.priceType)?.value;
}

/**
 * The positions of an order: price (kopecks, VAT included) from the configured price source,
 * VAT as the product has it, and the whole quantity reserved when `reserve` is on
 * (md/documents/_customerOrder.md lines 76–106). Throws MissingMoySkladPriceError naming every
 * product without that price.
 */
export function pricePositions(
  eventId: string,
  lines: ReadonlyArray<{ sku: string; quantity: number; product: MsProduct }>,
  settings: Pick<MoySkladOrderSettings, 'price' | 'reserve'>,
): MsOrderPosition[] {
  const missing = lines.filter((line) => priceOf(line.product, settings.price) === undefined);
  if (missing.length > 0) throw new MissingMoySkladPriceError(eventId, missing, settings.price);
  return lines.map(({ quantity, product }) => ({
    productId: product.id,
    quantity,
    price: priceOf(product, settings.price) as number,
    vat: product.vat,
    vatEnabled: product.vatEnabled,
    ...(settings.reserve ? { reserve: quantity } : {}),
  }));
}
