import type { MoySkladClient } from '@hub/integrations';
import { PermanentDeliveryError } from '@hub/outbox';

const DEFAULT_CACHE_MS = 5 * 60 * 1_000;

/** МойСклад has no product with an SKU the order needs: retrying cannot help until someone adds it there. */
export class UnknownMoySkladProductError extends PermanentDeliveryError {
  constructor(eventId: string, readonly skus: string[]) {
    super(`Outbox event ${eventId} orders SKU ${skus.join(', ')}, which МойСклад has no product for (no product with that article)`);
    this.name = 'UnknownMoySkladProductError';
  }
}

/**
 * SKU → МойСклад product id, by `article`, remembered for a while: a delivery then costs one
 * request (the create) instead of two, which doubles the orders deliverable within the rate limit.
 */
export function createProductResolver(
  moysklad: Pick<MoySkladClient, 'findProductsByArticle'>,
  cacheMs = DEFAULT_CACHE_MS,
  /** The clock entries expire by; injectable for tests. */
  clock: () => number = Date.now,
) {
  const known = new Map<string, { productId: string; until: number }>();

  return async function resolveProducts(eventId: string, skus: readonly string[]): Promise<Map<string, string>> {
    const now = clock();
    const missing = [...new Set(skus)].filter((sku) => (known.get(sku)?.until ?? 0) <= now);
    if (missing.length > 0) {
      for (const product of await moysklad.findProductsByArticle(missing)) {
        if (product.article !== undefined) known.set(product.article, { productId: product.id, until: now + cacheMs });
      }
    }
    const unknown = [...new Set(skus)].filter((sku) => !known.has(sku));
    if (unknown.length > 0) throw new UnknownMoySkladProductError(eventId, unknown);
    return new Map(skus.map((sku) => [sku, (known.get(sku) as { productId: string }).productId]));
  };
}
