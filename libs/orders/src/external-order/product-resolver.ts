import type { MoySkladClient, MsProduct, MsSkuField } from '@hub/integrations';
import { PermanentDeliveryError } from '@hub/outbox';

const DEFAULT_CACHE_MS = 5 * 60 * 1_000;

/** МойСклад has no product with an SKU the order needs: retrying cannot help until someone adds it there. */
export class UnknownMoySkladProductError extends PermanentDeliveryError {
  constructor(
    eventId: string,
    readonly skus: string[],
    skuField: MsSkuField,
  ) {
    super(`Outbox event ${eventId} orders SKU ${skus.join(', ')}, which МойСклад has no product for (no non-archived product with that ${skuField})`);
    this.name = 'UnknownMoySkladProductError';
  }
}

/** A product candidate an operator can find in МойСклад. */
export interface ProductCandidate {
  id: string;
  name: string;
}

/**
 * Several non-archived products carry one SKU (МойСклад does not enforce unique articles;
 * md/dictionaries/_product.md lines 649 and 812 show two with `Ar23`): ordering either could be
 * the wrong product, so nothing is ordered until someone fixes the data and retries the event.
 */
export class AmbiguousMoySkladProductError extends PermanentDeliveryError {
  constructor(
    eventId: string,
    readonly ambiguous: ReadonlyMap<string, readonly ProductCandidate[]>,
    skuField: MsSkuField,
  ) {
    const described = [...ambiguous].map(([sku, candidates]) => `SKU ${sku}: ${candidates.map((c) => `${c.id} «${c.name}»`).join(', ')}`).join('; ');
    super(`Outbox event ${eventId} cannot choose a МойСклад product: several non-archived products have the same ${skuField} (${described})`);
    this.name = 'AmbiguousMoySkladProductError';
  }
}

export interface ProductResolverOptions {
  /** The product field that holds the hub's SKU; default `article`. */
  skuField?: MsSkuField;
  /** How long a found product is reused; default 5 minutes. */
  cacheMs?: number;
  /** The clock entries expire by; injectable for tests. */
  clock?: () => number;
}

/**
 * SKU → the one non-archived МойСклад product carrying it, remembered for `cacheMs`: a delivery
 * then costs one request (the create) instead of two, which doubles the orders deliverable within
 * the rate limit. An expired entry is forgotten before the lookup, so a product that lost or
 * changed its SKU since is "not found" (or found anew), never its old id. Deliveries running at
 * once that miss the same SKU wait for one lookup instead of each sending their own.
 */
export function createProductResolver(moysklad: Pick<MoySkladClient, 'findProducts'>, options: ProductResolverOptions = {}) {
  const { skuField = 'article', cacheMs = DEFAULT_CACHE_MS, clock = Date.now } = options;
  const known = new Map<string, { product: MsProduct; until: number }>();
  /** Lookups under way, by SKU: deliveries running at once that miss the same SKUs share one request. */
  const pending = new Map<string, Promise<Map<string, MsProduct[]>>>();

  /** The non-archived products carrying each SKU (archived ones are never ordered, even if МойСклад sends one). */
  async function lookUp(skus: string[]): Promise<Map<string, MsProduct[]>> {
    const found = new Map<string, MsProduct[]>(skus.map((sku) => [sku, []]));
    for (const product of await moysklad.findProducts(skuField, skus)) {
      const sku = product[skuField];
      if (sku !== undefined && !product.archived) found.get(sku)?.push(product);
    }
    return found;
  }

  function candidatesFor(skus: string[]): Array<Promise<Map<string, MsProduct[]>>> {
    const fresh = skus.filter((sku) => !pending.has(sku));
    if (fresh.length > 0) {
      const lookup = lookUp(fresh);
      for (const sku of fresh) pending.set(sku, lookup);
      const forget = () => {
        for (const sku of fresh) if (pending.get(sku) === lookup) pending.delete(sku);
      };
      lookup.then(forget, forget);
    }
    return [...new Set(skus.map((sku) => pending.get(sku) as Promise<Map<string, MsProduct[]>>))];
  }

  return async function resolveProducts(eventId: string, skus: readonly string[]): Promise<Map<string, MsProduct>> {
    const now = clock();
    const wanted = [...new Set(skus)];
    const missing = wanted.filter((sku) => (known.get(sku)?.until ?? 0) <= now);
    const ambiguous = new Map<string, ProductCandidate[]>();
    if (missing.length > 0) {
      for (const sku of missing) known.delete(sku);
      const answers = await Promise.all(candidatesFor(missing));
      for (const sku of missing) {
        const candidates = answers.find((answer) => answer.has(sku))?.get(sku) ?? [];
        if (candidates.length === 1) known.set(sku, { product: candidates[0] as MsProduct, until: now + cacheMs });
        else if (candidates.length > 1)
          ambiguous.set(
            sku,
            candidates.map(({ id, name }) => ({ id, name })),
          );
      }
    }
    if (ambiguous.size > 0) throw new AmbiguousMoySkladProductError(eventId, ambiguous, skuField);
    const unknown = wanted.filter((sku) => !known.has(sku));
    if (unknown.length > 0) throw new UnknownMoySkladProductError(eventId, unknown, skuField);
    return new Map(wanted.map((sku) => [sku, (known.get(sku) as { product: MsProduct }).product]));
  };
}
