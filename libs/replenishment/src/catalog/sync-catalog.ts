import type { EntityManager, SessionFactory } from '@hub/db';
import type { SnapshotCatalog } from '../snapshot/planning-snapshot';
import {
  openAnswerRules,
  removeRulesOfUnlistedWarehouses,
  replaceWarehouseRules,
  upsertProductsFromSettings,
  upsertWarehouses,
  type RuleUpsert,
} from '../sql/catalog-sql';

export interface CatalogSyncResult {
  warehouses: number;
  /** Distinct products named by the stock norms. */
  products: number;
  rules: number;
}

/** The catalogue's rules `from` to `to`, one at a time, in 1С's ids: a million of them are never all objects at once. */
function* ruleUpserts({ warehouses, products, rules }: SnapshotCatalog, from: number, to: number): Generator<RuleUpsert> {
  for (let row = from; row < to; row++) {
    yield {
      warehouseId: warehouses[rules.warehouse.at(row)]!.id,
      productId: products.ids[rules.product.at(row)]!,
      min: rules.valueOf('min', row),
      max: rules.valueOf('max', row),
      multiple: rules.valueOf('multiple', row),
    };
  }
}

async function openCatalogTransaction(sessions: SessionFactory, { warehouses }: SnapshotCatalog): Promise<EntityManager> {
  const em = sessions.open();
  await em.begin();
  try {
    await upsertWarehouses(
      em,
      warehouses.map((w) => ({ externalId: w.id, code: w.code, name: w.name })),
    );
    await openAnswerRules(em);
    return em;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/**
 * Mirrors 1С's warehouses and stock norms (min/max/multiple per product) into the hub while
 * they are read, in one transaction: each warehouse's answer is stored as soon as it is read,
 * so PostgreSQL stores one answer while the next are on their way, and a failure leaves the
 * previous catalogue untouched. The transaction opens with the first answer (or with
 * `finish`, for a network without warehouses) and upserts every warehouse 1С lists; each
 * answer first adds the products it names for the first time. `finish` removes the rules of
 * warehouses 1С no longer lists and commits; `abandon` rolls everything back. Answers may be
 * added while an earlier one is still being stored: they are stored one after another.
 */
export class CatalogStore {
  private opening: Promise<EntityManager> | undefined;
  /** Answers are stored one at a time: each goes through the transaction's one table of an answer's rules. */
  private storing: Promise<void> = Promise.resolve();
  private productsStored = 0;
  private settled = false;

  constructor(private readonly sessions: SessionFactory) {}

  private opened(catalog: SnapshotCatalog): Promise<EntityManager> {
    this.opening ??= openCatalogTransaction(this.sessions, catalog);
    return this.opening;
  }

  /** Adds the products named since the last call: a rule's product exists before its rule. */
  private async storeNewProducts(em: EntityManager, { products }: SnapshotCatalog): Promise<void> {
    const named = products.ids.slice(this.productsStored);
    this.productsStored += named.length;
    await upsertProductsFromSettings(
      em,
      named.map((externalId) => ({ externalId, sku: products.get(externalId)!.sku })),
    );
  }

  /** Stores one warehouse's answer: rows `from` to `to` of `catalog.rules`, all of that warehouse's norms. */
  add(catalog: SnapshotCatalog, warehouse: number, from: number, to: number): Promise<void> {
    const stored = this.storing.then(async () => {
      // An answer that arrives once the sync was given up (another answer failed) is not stored outside its transaction.
      if (this.settled) throw new Error('The catalogue sync has ended: an answer read after it is not stored');
      const em = await this.opened(catalog);
      await this.storeNewProducts(em, catalog);
      await replaceWarehouseRules(em, catalog.warehouses[warehouse]!.id, ruleUpserts(catalog, from, to));
    });
    // The next answer waits for this one, failed or not; this one's failure is its caller's.
    this.storing = stored.catch(() => undefined);
    return stored;
  }

  /** Removes the rules of warehouses 1С no longer lists, commits; resolves with what the catalogue holds. */
  async finish(catalog: SnapshotCatalog): Promise<CatalogSyncResult> {
    await this.storing;
    const em = await this.opened(catalog);
    this.settled = true;
    try {
      await removeRulesOfUnlistedWarehouses(
        em,
        catalog.warehouses.map((w) => w.id),
      );
      await em.commit();
    } catch (error) {
      await em.rollback();
      throw error;
    }
    return { warehouses: catalog.warehouses.length, products: catalog.products.size, rules: catalog.rules.length };
  }

  /** Gives the sync up (the read failed): nothing of it is stored. Does nothing before the first answer or once finished. */
  async abandon(): Promise<void> {
    if (this.settled || this.opening === undefined) return;
    this.settled = true;
    await this.storing;
    const em = await this.opening.catch(() => undefined);
    await em?.rollback();
  }
}
