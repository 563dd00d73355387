import type { EntityManager } from '@hub/db';

const SELECT_WAREHOUSE_REFERENCES = `select id, external_id as "externalId", code, name from warehouses`;
const SELECT_PRODUCT_REFERENCES = `select id, external_id as "externalId", sku, name from products`;

/** A warehouse under both its ids, with the code and name people know. */
export interface WarehouseReference {
  id: string;
  externalId: string;
  code: string;
  name: string;
}

/** A product under both its ids, with its SKU and name. */
export interface ProductReference {
  id: string;
  externalId: string;
  sku: string;
  name: string;
}

/** Every warehouse and product the hub knows, by 1С id: plans are made in 1С's ids. */
export interface CatalogReferences {
  warehouses: Map<string, WarehouseReference>;
  products: Map<string, ProductReference>;
}

/** Reads the hub's catalogue: hub ids for the rows a run writes, codes, SKUs and names for the payloads. */
export async function readCatalogReferences(em: EntityManager): Promise<CatalogReferences> {
  const warehouses = await em.execute<WarehouseReference[]>(SELECT_WAREHOUSE_REFERENCES, [], 'all');
  const products = await em.execute<ProductReference[]>(SELECT_PRODUCT_REFERENCES, [], 'all');
  return {
    warehouses: new Map(warehouses.map((reference) => [reference.externalId, reference])),
    products: new Map(products.map((reference) => [reference.externalId, reference])),
  };
}

/** The warehouse with hub id `id`, or undefined. */
export function warehouseByHubId(references: CatalogReferences, id: string): WarehouseReference | undefined {
  for (const reference of references.warehouses.values()) if (reference.id === id) return reference;
  return undefined;
}
