import type { EntityManager } from '@hub/db';

const SELECT_WAREHOUSE_REFERENCES = `select id, external_id as "externalId", code, name from warehouses`;
const SELECT_PRODUCT_REFERENCES = `select id, external_id as "externalId", sku, name from products`;

export interface WarehouseReference {
  externalId: string;
  code: string;
  name: string;
}

export interface ProductReference {
  externalId: string;
  sku: string;
  name: string;
}

/** Hub id → 1С id and the names people know, for every warehouse and product the hub knows. */
export interface CatalogReferences {
  warehouses: Map<string, WarehouseReference>;
  products: Map<string, ProductReference>;
}

/** Reads the references the outbox payloads need (1С ids for 1С, codes, SKUs and names for МойСклад). */
export async function readCatalogReferences(em: EntityManager): Promise<CatalogReferences> {
  const warehouses = await em.execute<({ id: string } & WarehouseReference)[]>(SELECT_WAREHOUSE_REFERENCES, [], 'all');
  const products = await em.execute<({ id: string } & ProductReference)[]>(SELECT_PRODUCT_REFERENCES, [], 'all');
  return {
    warehouses: new Map(warehouses.map(({ id, ...reference }) => [id, reference])),
    products: new Map(products.map(({ id, ...reference }) => [id, reference])),
  };
}
