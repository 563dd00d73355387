import { performance } from 'node:perf_hooks';
import { withLogContext } from '@hub/logging';
import { readOpenOrders } from '../snapshot/open-orders';
import { readPlanningSnapshot, type PlanningSnapshot } from '../snapshot/planning-snapshot';
import { planSnapshot } from '../snapshot/snapshot-batches';
import { readCatalogReferences, warehouseByHubId, type CatalogReferences } from '../sql/catalog-references-sql';
import { describeRunError, UnknownWarehouseError } from './errors';
import { countPlan, type PlanCounts } from './plan-counts';
import { viewPlan, type PlanView, type ProductLabel, type WarehouseLabel } from './plan-view';
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
 * Plans exactly as a run would at this moment — the same snapshot, read in the same
 * sequence, the same open orders, the same planner — and returns the plan, storing nothing
 * of the snapshot and writing nothing but log rows. Warehouses and products the hub has
 * not synced yet are planned too (with `id` null). Never refused by a run in progress,
 * never blocks one. Throws as startReplenishmentRun does for a malformed or unknown warehouse.
 */
export async function planDryRun(deps: RunDependencies, request: DryRunRequest): Promise<DryRunPlan> {
  const requestId = optionalUuid('requestId', request.requestId);
  const warehouseId = optionalUuid('warehouseId', request.warehouseId);
  const references = await readCatalogReferences(deps.sessions.open());
  const target = warehouseId === null ? null : (warehouseByHubId(references, warehouseId) ?? null);
  if (warehouseId !== null && target === null) throw new UnknownWarehouseError(warehouseId);

  return withLogContext(requestId === null ? {} : { requestId }, async () => {
    const started = performance.now();
    try {
      const snapshot = await readPlanningSnapshot(deps);
      const open = await readOpenOrders(deps.sessions.open(), snapshot);
      const plan = await planSnapshot(snapshot, open, target?.externalId ?? null);
      const counts = countPlan(plan);
      const labels = labeller(snapshot, references);
      await deps.logger.info(`Dry run planned ${counts.transferOrders} transfer orders and ${counts.externalOrders} outside orders; nothing written`, {
        step: STEP,
        status: 'done',
        externalSystem: ONE_C,
        elapsedMs: Math.round(performance.now() - started),
        payload: { targetWarehouseId: warehouseId, stockItems: snapshot.stock.lines, ...counts },
      });
      return { targetWarehouseId: warehouseId, counts, ...viewPlan(plan, labels.warehouse, labels.product) };
    } catch (error) {
      await deps.logger.error(`Dry run failed: ${describeRunError(error)}`, { step: STEP, status: 'failed', externalSystem: ONE_C, details: { error } });
      throw error;
    }
  });
}

/** Labels for 1С ids: 1С's own codes and names, the hub's ids where the hub knows the record. */
function labeller(snapshot: PlanningSnapshot, references: CatalogReferences) {
  const oneCWarehouse = new Map(snapshot.warehouses.map((w) => [w.id, w]));
  return {
    warehouse: (externalId: string): WarehouseLabel => {
      const listed = oneCWarehouse.get(externalId);
      const known = references.warehouses.get(externalId);
      return { id: known?.id ?? null, externalId, code: listed?.code ?? known?.code ?? externalId, name: listed?.name ?? known?.name ?? externalId };
    },
    product: (externalId: string): ProductLabel => {
      const listed = snapshot.products.get(externalId);
      const known = references.products.get(externalId);
      const sku = listed?.sku ?? known?.sku ?? externalId;
      return { id: known?.id ?? null, externalId, sku, name: listed?.name ?? known?.name ?? sku };
    },
  };
}
