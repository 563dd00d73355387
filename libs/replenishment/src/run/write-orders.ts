import type { EntityManager } from '@hub/db';
import { openExternalOrderWriter, openTransferOrderWriter } from '@hub/orders';
import { groupBy } from '@hub/runtime';
import type { LineExplanation, Plan, TransferLine, UncoveredLine } from '../planner/types';
import type { CatalogReferences, ProductReference, WarehouseReference } from '../sql/catalog-references-sql';

/** What a run wrote. */
export interface WrittenOrders {
  transferOrders: number;
  externalOrders: number;
  externalLines: number;
  externalUnits: number;
  outboxEvents: number;
}

/** What a run writes of a batch's plan: its needs are counted, not written. */
export type PlannedOrders = Pick<Plan, 'transferOrders' | 'uncovered'>;

/** A planned order names a warehouse or product the hub has no record of (the catalogue sync would have written it). */
export class MissingCatalogReferenceError extends Error {
  constructor(kind: 'warehouse' | 'product', oneCId: string) {
    super(`The ${kind} ${oneCId} of 1С is not in the hub's catalogue, so its order cannot be written`);
    this.name = 'MissingCatalogReferenceError';
  }
}

/** Uncovered lines by target warehouse, targets in the plan's (id) sequence. */
export function groupByTarget(lines: readonly UncoveredLine[]): Map<string, UncoveredLine[]> {
  return groupBy(lines, (line) => line.warehouseId);
}

function lookup(references: CatalogReferences) {
  return {
    warehouse(oneCId: string): WarehouseReference {
      const reference = references.warehouses.get(oneCId);
      if (!reference) throw new MissingCatalogReferenceError('warehouse', oneCId);
      return reference;
    },
    product(oneCId: string): ProductReference {
      const reference = references.products.get(oneCId);
      if (!reference) throw new MissingCatalogReferenceError('product', oneCId);
      return reference;
    },
  };
}

/** A planned line in the hub's ids: a class, for the reason plan-rows.ts gives (a literal's lines would be pretenured). */
class ExplainedLine {
  constructor(
    readonly product: ProductReference,
    readonly quantity: number,
    readonly explanation: LineExplanation,
  ) {}
}

/* The plan's own sequence (planTransfers'): 1С ids compared by UTF-16 code units. */
const byId = (a: string, b: string): number =>
  a < b ? -1
  : a > b ? 1
  : 0;

/**
 * Writes a plan (made in 1С's ids) as it is made, a product batch at a time: a transfer order
 * per (donor, target) for 1С, and per target one outside order (DESIGN step 6) for МойСклад of
 * what donors could not cover. Each batch's lines are written before the next batch is
 * planned, so no more than a batch of the plan is ever held; each order's event, which lists
 * all its lines, is enqueued once every batch is in, in the plan's sequence. Pass the
 * transactional EntityManager: orders and events exist together or not at all, and an order
 * naming a warehouse or product the hub does not know fails it (MissingCatalogReferenceError).
 */
export async function writePlanBatches(
  em: EntityManager,
  runId: string,
  plans: AsyncIterable<PlannedOrders>,
  references: CatalogReferences,
): Promise<WrittenOrders> {
  const find = lookup(references);
  const explained = (line: TransferLine | UncoveredLine) => new ExplainedLine(find.product(line.productId), line.quantity, line.explanation);
  const transfers = openTransferOrderWriter(em);
  const outside = openExternalOrderWriter(em);
  const written = { externalLines: 0, externalUnits: 0 };
  for await (const plan of plans) {
    await transfers.add(
      plan.transferOrders.map((order) => ({
        key: `${order.sourceWarehouseId}\u0000${order.targetWarehouseId}`,
        head: { runId, source: find.warehouse(order.sourceWarehouseId), target: find.warehouse(order.targetWarehouseId) },
        lines: order.lines.map(explained),
      })),
    );
    await outside.add(
      [...groupByTarget(plan.uncovered)].map(([targetId, lines]) => ({
        key: targetId,
        head: { runId, target: find.warehouse(targetId) },
        lines: lines.map(explained),
      })),
    );
    written.externalLines += plan.uncovered.length;
    written.externalUnits += plan.uncovered.reduce((units, line) => units + line.quantity, 0);
  }
  // Keys compare as the plan orders its orders: NUL, below any character of an id, ends the donor's.
  const transferIds = await transfers.finish(byId);
  const outsideIds = await outside.finish(byId);
  return {
    transferOrders: transferIds.length,
    externalOrders: outsideIds.length,
    ...written,
    outboxEvents: transferIds.length + outsideIds.length,
  };
}
