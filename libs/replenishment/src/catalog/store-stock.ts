import type { CopyWriter, EntityManager, SessionFactory } from '@hub/db';
import type { SnapshotCatalog, SnapshotStock } from '../snapshot/planning-snapshot';
import type { StockRows } from '../snapshot/snapshot-columns';
import { upsertNamedProducts } from '../sql/catalog-sql';
import { readCatalogReferences } from '../sql/catalog-references-sql';
import { copyStockSnapshots, openStockSnapshotCopy, type StockSnapshotRow } from '../sql/stock-sql';

export interface StockStoreResult {
  /** Stock lines 1С returned, over all warehouses. */
  items: number;
  /** Snapshot rows stored for the run (one per warehouse and product). */
  snapshots: number;
}

type Catalog = Pick<SnapshotCatalog, 'warehouses' | 'products'>;

/** Hub ids by the snapshot's indexes (warehouse in 1С's listing, product as first named); undefined: not in the hub. */
interface HubIds {
  warehouses: (string | undefined)[];
  products: (string | undefined)[];
}

async function readHubIds(em: EntityManager, { warehouses, products }: Catalog): Promise<HubIds> {
  const references = await readCatalogReferences(em);
  return {
    warehouses: warehouses.map((w) => references.warehouses.get(w.id)?.id),
    products: products.ids.map((id) => references.products.get(id)?.id),
  };
}

/** The transaction a StockStore writes in, with the COPY open in it and the hub ids it was opened with. */
interface OpenStore {
  em: EntityManager;
  hubIds: HubIds;
  copy: CopyWriter;
}

async function openStore(sessions: SessionFactory, catalog: Catalog): Promise<OpenStore> {
  const em = sessions.open();
  await em.begin();
  try {
    const hubIds = await readHubIds(em, catalog);
    return { em, hubIds, copy: await openStockSnapshotCopy(em) };
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/**
 * A run's stock snapshot (what it planned from, kept for audit) stored while 1С's answers
 * arrive, in one transaction: each warehouse's rows are sent (COPY) as soon as they are read,
 * so PostgreSQL stores one answer while the next is on its way. The transaction opens with the
 * first rows, or with `finish` when no answer came. A product the hub has no row for yet
 * (named first in a stock answer) waits until `finish` has added it. `finish` commits;
 * `abandon` rolls everything back. Add rows from one answer at a time, any order.
 */
export class StockStore {
  private opening: Promise<OpenStore> | undefined;
  private readonly waiting: number[] = [];
  private settled = false;

  constructor(
    private readonly sessions: SessionFactory,
    private readonly runId: string,
  ) {}

  private opened(catalog: Catalog): Promise<OpenStore> {
    this.opening ??= openStore(this.sessions, catalog);
    return this.opening;
  }

  /** Row `row` of `rows` in hub ids, or undefined while its warehouse or product has no hub row. */
  private snapshotRow(rows: StockRows, row: number, hubIds: HubIds): StockSnapshotRow | undefined {
    const warehouseId = hubIds.warehouses[rows.warehouse.at(row)];
    const productId = hubIds.products[rows.product.at(row)];
    if (!warehouseId || !productId) return undefined;
    return [this.runId, warehouseId, productId, rows.valueOf('onHand', row), rows.valueOf('reserved', row)];
  }

  /** Sends rows `from` to `to` of `stock` (whole answers); resolves once PostgreSQL keeps up. */
  async add({ rows }: SnapshotStock, from: number, to: number, catalog: Catalog): Promise<void> {
    const { hubIds, copy } = await this.opened(catalog);
    const known: StockSnapshotRow[] = [];
    for (let row = from; row < to; row++) {
      const snapshotRow = this.snapshotRow(rows, row, hubIds);
      if (snapshotRow) known.push(snapshotRow);
      else this.waiting.push(row);
    }
    await copy.write(known);
  }

  /** Ends the COPY, adds or renames the products 1С named in its stock answers, stores the rows that waited for them, commits. */
  async finish({ rows, lines }: SnapshotStock, catalog: Catalog): Promise<StockStoreResult> {
    const { em, copy } = await this.opened(catalog);
    this.settled = true;
    try {
      let snapshots = await copy.end();
      await upsertNamedProducts(em, namedProducts(catalog));
      if (this.waiting.length > 0) {
        const hubIds = await readHubIds(em, catalog);
        // A product 1С names nowhere (no norm, no name in its stock line) still has no hub row: its stock is not kept.
        const named = this.waiting.map((row) => this.snapshotRow(rows, row, hubIds)).filter((row) => row !== undefined);
        snapshots += await copyStockSnapshots(em, named);
      }
      await em.commit();
      return { items: lines, snapshots };
    } catch (error) {
      await em.rollback();
      throw error;
    }
  }

  /** Gives the snapshot up (the read failed): nothing of it is stored. Does nothing before the first rows or once finished. */
  async abandon(reason: Error): Promise<void> {
    if (this.settled || this.opening === undefined) return;
    this.settled = true;
    const { em, copy } = await this.opening;
    await copy.abort(reason);
    await em.rollback();
  }
}

/** The products 1С named (name and unit) in its stock answers. */
function namedProducts({ products }: Catalog) {
  return products.ids.flatMap((externalId) => {
    const p = products.get(externalId)!;
    return p.name === null || p.unit === null ? [] : [{ externalId, sku: p.sku, name: p.name, unit: p.unit }];
  });
}
