/** What GET /__sandbox/moysklad/stats reports: the limits the sandbox enforces, what it counted, the orders it holds. */
export interface MoySkladSandboxStats {
  limits: { windowMs: number; unitsPerWindow: number; tokenWeight: number; parallelPerToken: number; parallelPerAccount: number };
  requests: { admitted: number; refusedWindow: number; refusedParallel: number };
  customerOrders: {
    /** Each order with the sum the sandbox computed and its positions (price in kopecks, VAT %, reserve). */
    documents: Array<{
      id: string;
      name: string;
      externalCode: string;
      positionCount: number;
      sum: number;
      positions: Array<{ productId: string; quantity: number; price: number; vat: number; reserve: number }>;
    }>;
    createRequests: number;
    /** Creates whose externalCode was already used. */
    duplicateRequests: number;
    /** Orders beyond the first per externalCode. */
    duplicateDocuments: number;
  };
}

/** Reads the sandbox's МойСклад counters over its control endpoint. */
export async function readMoySkladSandboxStats(baseUrl: string): Promise<MoySkladSandboxStats> {
  const response = await fetch(`${baseUrl}/__sandbox/moysklad/stats`);
  if (!response.ok) throw new Error(`sandbox answered GET /__sandbox/moysklad/stats with ${response.status}`);
  return (await response.json()) as MoySkladSandboxStats;
}

/** A product to add to the sandbox's МойСклад account; see POST /__sandbox/moysklad/products. */
export interface MoySkladSandboxProduct {
  name: string;
  article?: string;
  code?: string;
  externalCode?: string;
  archived?: boolean;
  /** Sale prices in kopecks by price type name. */
  salePrices?: Array<{ priceType: string; value: number }>;
  buyPrice?: number;
  vat?: number;
  /** Stock in the account's first store (default 0). */
  stock?: number;
  /** Variants («модификации») with their own stock. */
  variants?: Array<{ name: string; stock?: number }>;
}

/** Adds products to the sandbox's МойСклад account (duplicates of an article, archived ones…); answers them with their ids. */
export async function addMoySkladSandboxProducts(
  baseUrl: string,
  products: MoySkladSandboxProduct[],
): Promise<Array<MoySkladSandboxProduct & { id: string; variants: Array<{ id: string; name: string }> }>> {
  const response = await fetch(`${baseUrl}/__sandbox/moysklad/products`, { method: 'POST', body: JSON.stringify({ products }) });
  if (!response.ok) throw new Error(`sandbox answered POST /__sandbox/moysklad/products with ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { products: Array<MoySkladSandboxProduct & { id: string; variants: Array<{ id: string; name: string }> }> }).products;
}
