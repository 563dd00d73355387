import { performance } from 'node:perf_hooks';
import { withLogContext } from '@hub/logging';
import { readOneCCatalog, readOneCStock } from '../catalog/read-one-c';
import { planTransfers } from '../planner/plan-transfers';
import type { OpenQuantity, PlanningInput } from '../planner/types';
import { readCatalogReferences, type CatalogReferences } from '../sql/catalog-references-sql';
import { readOpenQuantities, type OpenQuantityRow } from '../sql/planner-reads';
import { describeRunError, UnknownWarehouseError } from './errors';
import { countPlan, type PlanCounts } from './plan-counts';
import { viewPlan, type PlanView, type ProductLabel, type WarehouseLabel } from './plan-view';
import { toOneCSnapshot, type OneCSnapshot } from './one-c-snapshot';
import { findTransferOrdersClosedInOneC } from './reconcile-orders';
import { optionalUuid } from './request-ids';
import type { RunDependencies } from './types';

export interface DryRunRequest {
  /** The HTTP request that asked (a UUID), if any: the dry run's log rows carry it. */
  requestId?: string | null;
  /** Plan for this warehouse only (a hub id); absent plans every warehouse with rules. */
  warehouseId?: string | null;
}

/** What a run would order now, explained line by line; nothing of it was written. */
export interface DryRunPlan extends PlanView {
  targetWarehouseId: string | null;
  counts: PlanCounts;
}

const STEP = 'dry_run';
const ONE_C = '1c';

/**
 * Plans as a run would at this moment and returns the plan, writing nothing but log rows:
 * 1С's catalogue, stock and the state of the hub's sent orders are read live and kept in
 * memory (no catalogue sync, no snapshot, no reconciliation recorded), the hub's open
 * orders are read from the database. It plans in 1С's ids, so warehouses and products the
 * hub has not synced yet are planned too. Never refused by a run in progress, never
 * blocks one. Throws as startReplenishmentRun does for a malformed or unknown warehouse.
 */
export async function planDryRun(deps: RunDependencies, request: DryRunRequest): Promise<DryRunPlan> {
  const requestId = optionalUuid('requestId', request.requestId);
  const warehouseId = optionalUuid('warehouseId', request.warehouseId);
  const references = await readCatalogReferences(deps.orm.em.fork());
  const target = warehouseId === null ? null : (references.warehouses.get(warehouseId) ?? null);
  if (warehouseId !== null && target === null) throw new UnknownWarehouseError(warehouseId);

  return withLogContext(requestId === null ? {} : { requestId }, async () => {
    const started = performance.now();
    try {
      // The run's order: catalogue, then the sent orders' state in 1С, then stock (see readOneCStock).
      const catalog = await readOneCCatalog(deps.oneC);
      const closedInOneC = await findTransferOrdersClosedInOneC(deps);
      const snapshot = toOneCSnapshot(catalog, await readOneCStock(deps.oneC, catalog.warehouses));
      const open = await readOpenQuantities(deps.orm.em.fork(), closedInOneC);
      const plan = planTransfers(planningInput(snapshot, open.inbound, open.outbound, target?.externalId ?? null));
      const counts = countPlan(plan);
      const labels = labeller(snapshot, references);
      await deps.logger.info(`Dry run planned ${counts.transferOrders} transfer orders and ${counts.externalOrders} outside orders; nothing written`, {
        step: STEP, status: 'done', externalSystem: ONE_C, elapsedMs: Math.round(performance.now() - started),
        payload: { targetWarehouseId: warehouseId, stockItems: snapshot.stockItems, ...counts },
      });
      return { targetWarehouseId: warehouseId, counts, ...viewPlan(plan, labels.warehouse, labels.product) };
    } catch (error) {
      await deps.logger.error(`Dry run failed: ${describeRunError(error)}`, { step: STEP, status: 'failed', externalSystem: ONE_C, details: { error } });
      throw error;
    }
  });
}

/** The planner's input in 1С's ids: 1С's warehouses, norms and stock, the hub's open orders. */
function planningInput(snapshot: OneCSnapshot, inbound: OpenQuantityRow[], outbound: OpenQuantityRow[], target: string | null): PlanningInput {
  const inOneCIds = (row: OpenQuantityRow): OpenQuantity => ({ warehouseId: row.warehouseExternalId, productId: row.productExternalId, quantity: row.quantity });
  return {
    warehouseIds: snapshot.warehouses.map((w) => w.id),
    rules: snapshot.rules,
    stock: snapshot.stock,
    inbound: inbound.map(inOneCIds),
    outbound: outbound.map(inOneCIds),
    targetWarehouseId: target,
  };
}

/** Labels for 1С ids: 1С's own codes and names, the hub's ids where the hub knows the record. */
function labeller(snapshot: OneCSnapshot, references: CatalogReferences) {
  const hubWarehouse = new Map([...references.warehouses].map(([id, w]) => [w.externalId, { id, ...w }]));
  const hubProduct = new Map([...references.products].map(([id, p]) => [p.externalId, { id, ...p }]));
  const oneCWarehouse = new Map(snapshot.warehouses.map((w) => [w.id, w]));
  return {
    warehouse: (externalId: string): WarehouseLabel => {
      const listed = oneCWarehouse.get(externalId);
      const known = hubWarehouse.get(externalId);
      return { id: known?.id ?? null, externalId, code: listed?.code ?? known?.code ?? externalId, name: listed?.name ?? known?.name ?? externalId };
    },
    product: (externalId: string): ProductLabel => {
      const listed = snapshot.products.get(externalId);
      const known = hubProduct.get(externalId);
      const sku = listed?.sku ?? known?.sku ?? externalId;
      return { id: known?.id ?? null, externalId, sku, name: listed?.name ?? known?.name ?? sku };
    },
  };
}
