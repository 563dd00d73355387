import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CustomerOrderBook } from './customer-order-book';
import { createMoySkladSeed, type MsSandboxProduct, type MsSandboxSeed, type MsSandboxVariant } from './ms-seed';
import { MS_SANDBOX_DEFAULT_LIMITS, RequestLimits, type MsSandboxLimits } from './request-limits';
import { MOYSKLAD_ENV_DEFAULTS } from '@hub/integrations';

export interface MoySkladSandboxOptions {
  /** Bearer tokens accepted; all belong to one account (for the per-account parallel limit). */
  tokens?: string[];
  limits?: Partial<MsSandboxLimits>;
  seed?: MsSandboxSeed;
}

/** Products a test adds (POST /__sandbox/moysklad/products); what is not given gets МойСклад's defaults. */
export const msSandboxNewProductsSchema = z.object({
  products: z
    .array(
      z.object({
        name: z.string().min(1),
        article: z.string().min(1).optional(),
        code: z.string().min(1).optional(),
        externalCode: z.string().min(1).optional(),
        archived: z.boolean().default(false),
        salePrices: z.array(z.object({ priceType: z.string().min(1), value: z.number().nonnegative() })).default([]),
        buyPrice: z.number().nonnegative().optional(),
        vat: z.number().int().nonnegative().default(20),
        vatEnabled: z.boolean().default(true),
        /** Stock in the account's first store. */
        stock: z.number().default(0),
        /** Variants («модификации»), each an assortment item with its own stock in the first store. */
        variants: z.array(z.object({ name: z.string().min(1), stock: z.number().default(0) })).default([]),
      }),
    )
    .min(1),
});
export type MsSandboxNewProduct = z.input<typeof msSandboxNewProductsSchema>['products'][number];

/** The sandbox's МойСклад account, in memory; `reset()` returns to the seed and forgets counted requests. */
export class MoySkladState {
  private readonly initialSeed: MsSandboxSeed;
  /** The account's data: the seed, plus what tests added through POST /__sandbox/moysklad/products. */
  seed: MsSandboxSeed;
  readonly tokens: readonly string[];
  readonly limitSettings: MsSandboxLimits;
  customerOrders = new CustomerOrderBook();
  limits: RequestLimits;

  constructor(options: MoySkladSandboxOptions = {}) {
    this.initialSeed = options.seed ?? createMoySkladSeed();
    this.seed = structuredClone(this.initialSeed);
    this.tokens = options.tokens ?? [MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN];
    this.limitSettings = { ...MS_SANDBOX_DEFAULT_LIMITS, ...options.limits };
    this.limits = new RequestLimits(this.limitSettings);
  }

  reset(): void {
    this.seed = structuredClone(this.initialSeed);
    this.customerOrders = new CustomerOrderBook();
    this.limits = new RequestLimits(this.limitSettings);
  }

  /** Adds products (and their variants and stock) to the account; each gets a new id (and an externalCode, as МойСклад generates one). */
  addProducts(products: MsSandboxNewProduct[]): Array<MsSandboxProduct & { variants: MsSandboxVariant[] }> {
    const storeId = this.seed.stores[0]?.id ?? '';
    return msSandboxNewProductsSchema.shape.products.parse(products).map(({ stock, variants, ...fields }) => {
      const id = randomUUID();
      const product = { ...fields, id, article: fields.article, code: fields.code, buyPrice: fields.buyPrice, externalCode: fields.externalCode ?? id };
      const added = variants.map((variant) => ({ id: randomUUID(), productId: id, name: `${fields.name} (${variant.name})`, stock: variant.stock }));
      this.seed.products.push(product);
      this.seed.variants.push(...added.map(({ id: variantId, productId, name }) => ({ id: variantId, productId, name })));
      this.seed.stock.push(
        { assortmentId: id, storeId, stock, reserve: 0 },
        ...added.map((variant) => ({ assortmentId: variant.id, storeId, stock: variant.stock, reserve: 0 })),
      );
      return { ...product, variants: added.map(({ id: variantId, productId, name }) => ({ id: variantId, productId, name })) };
    });
  }

  /** What GET /__sandbox/moysklad/stats answers. */
  stats() {
    return { limits: this.limitSettings, requests: { ...this.limits.counts }, customerOrders: this.customerOrders.summary() };
  }
}
