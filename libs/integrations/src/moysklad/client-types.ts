import type { MsSkuField } from './contract';
import type { MoySkladRateLimiter } from './rate-limiter';

/**
 * Per-call options for the calls a delivery makes. `signal` cancels the call (e.g. the outbox's
 * delivery timeout); the answer is then unknown, and externalCode/syncId find the order later.
 */
export interface MsCallOptions {
  signal?: AbortSignal | undefined;
}

/** What the МойСклад client offers; its answers are validated against ./contract before they are mapped to these. */
export interface MoySkladClientOptions {
  /** Scheme and host, e.g. `https://api.moysklad.ru`; the client adds {@link MOYSKLAD_API_PREFIX}. */
  baseUrl: string;
  /**
   * The host МойСклад's own hrefs name (e.g. `https://api.moysklad.ru`) when `baseUrl` is a proxy:
   * the hrefs the hub sends must name it (md/_errors.md line 60, error 1059). Default `baseUrl`;
   * once an answer carries the service's own `meta.href`, its host is used.
   */
  publicBaseUrl?: string;
  /** Sent as `Authorization: Bearer …`; never logged nor put in an error. */
  token: string;
  /** Bound on each whole call, headers and body; waiting for a rate-limit permit is not counted. */
  timeoutMs?: number;
  /** Shared limiter (see MoySkladRateLimiter); none: requests go out at once. */
  rateLimiter?: MoySkladRateLimiter;
  /**
   * Units one ordinary request costs with this token (md/_restrictions.md lines 38–45); default 1.
   * Replaced by the weight the first answer's `X-RateLimit-Limit` states.
   */
  tokenWeight?: number;
  /** Units per window, to read the weight from `X-RateLimit-Limit`; default the documented 45. */
  windowUnits?: number;
  fetch?: typeof fetch;
}

export interface MsStore {
  id: string;
  name: string;
}
declare const msEntityKind: unique symbol;
/** A МойСклад product id: a variant's (or any other entity's) id cannot pass for one. */
export type MsProductId = string & { readonly [msEntityKind]: 'product' };
/** A МойСклад variant («модификация») id. */
export type MsVariantId = string & { readonly [msEntityKind]: 'variant' };

/** A product as the hub needs it: its id and name, the fields an SKU may live in, and whether it is archived. */
export interface MsProduct {
  id: MsProductId;
  name: string;
  article: string | undefined;
  code: string | undefined;
  externalCode: string;
  archived: boolean;
  /** Sale prices in kopecks by price type name (md/dictionaries/_product.md lines 269–275). */
  salePrices: Array<{ priceType: string; value: number }>;
  /** The purchase price in kopecks, when set. */
  buyPrice: number | undefined;
  /** The VAT % that applies to it (`effectiveVat`, else `vat`); 0 when none. */
  vat: number;
  /** False: "без НДС" rather than 0 % (md/dictionaries/_product.md line 62). */
  vatEnabled: boolean;
}
export interface MsStoreStock {
  storeId: string;
  storeName: string;
  stock: number;
  reserve: number;
  inTransit: number;
}
/** One product's row of «Остатки по складам», grouped by product (its variants' stock included), zero stock included. */
export interface MsProductStock {
  productId: MsProductId;
  stores: MsStoreStock[];
}

/** A customer order as the hub needs it: МойСклад's id and number ("name"), how many positions it holds, and its sum in kopecks. */
export interface MsCustomerOrder {
  id: string;
  name: string;
  externalCode: string;
  positionCount: number;
  sum: number;
}

/** A position to order: price in kopecks (VAT included), VAT %, and how many to reserve (none when absent). */
export interface MsOrderPosition {
  productId: MsProductId;
  quantity: number;
  price: number;
  vat: number;
  vatEnabled: boolean;
  reserve?: number;
}

/** A customer order to create. `syncId` makes a repeated create return the first document. */
export interface MsNewCustomerOrder {
  externalCode: string;
  syncId?: string;
  organizationId: string;
  agentId: string;
  storeId?: string;
  description?: string;
  positions: MsOrderPosition[];
}

export interface MoySkladClient {
  listStores(): Promise<MsStore[]>;
  /**
   * Non-archived products whose `field` is one of `values`; a value no product has simply has no
   * entry, and a value several products share has one entry each (МойСклад does not enforce uniqueness).
   */
  findProducts(field: MsSkuField, values: readonly string[]): Promise<MsProduct[]>;
  /**
   * Report «Остатки по складам», optionally for one store: one row per product (`groupBy=product`,
   * else variants come as rows of their own) and products without stock too (`stockMode=all`, else
   * only non-zero stock), md/reports/_report_stock.md lines 1018 and 1023–1033 (stockMode, default nonEmpty) and 1100 (groupBy, default variant).
   */
  stockByStore(storeId?: string): Promise<MsProductStock[]>;
  /** The order carrying this externalCode, or null when МойСклад has none. */
  findCustomerOrderByExternalCode(externalCode: string, options?: MsCallOptions): Promise<MsCustomerOrder | null>;
  /**
   * Creates the order with its first 1,000 positions and adds the rest through
   * POST …/positions (md/_restrictions.md, md/documents/_customerOrder.md).
   */
  createCustomerOrder(order: MsNewCustomerOrder, options?: MsCallOptions): Promise<MsCustomerOrder>;
  /**
   * Adds the positions an order does not have yet: those after its `positionCount`, in
   * chunks of 1,000. Resumes a large order whose earlier attempt stopped part-way.
   */
  completeCustomerOrderPositions(order: MsCustomerOrder, positions: readonly MsOrderPosition[], options?: MsCallOptions): Promise<MsCustomerOrder>;
}
