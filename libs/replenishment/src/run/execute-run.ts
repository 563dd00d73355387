import { performance } from 'node:perf_hooks';
import { lockForTransaction, type EntityManager, type RunStatus } from '@hub/db';
import { StockStore } from '../catalog/store-stock';
import { CatalogStore } from '../catalog/sync-catalog';
import { readOpenOrders } from '../snapshot/open-orders';
import { readPlanningSnapshot, type PlanningSnapshot, type SnapshotPart } from '../snapshot/planning-snapshot';
import { planSnapshotBatches } from '../snapshot/snapshot-batches';
import { readCatalogReferences, warehouseByHubId } from '../sql/catalog-references-sql';
import { markRunFinished, markRunRunning } from '../sql/runs-sql';
import { describeRunError, UnknownWarehouseError } from './errors';
import { recordRunFailure } from './record-failure';
import { PlanTally } from './plan-counts';
import { recordReconciliation } from './reconcile-orders';
import type { RunCounts, RunDependencies, RunOutcome, RunStep, TransferOrderReconciliation } from './types';
import { writePlanBatches } from './write-orders';

const STEP_DONE = 'done';
const RUNNING: RunStatus = 'running';
const SUCCEEDED = 'succeeded' satisfies RunStatus;
const FAILED = 'failed' satisfies RunStatus;
const ONE_C = '1c';

/** The step of a run that reads and stores each part of the planning snapshot. */
const STEP_OF_PART: Record<SnapshotPart, RunStep> = { catalog: 'sync_catalog', sent_orders: 'reconcile_orders', stock: 'fetch_stock' };

/**
 * Reads the open orders (under the planning lock) and plans the snapshot `held` holds a batch of
 * products at a time, taking it out: once planned, nothing references the snapshot.
 */
async function planRun(em: EntityManager, held: { snapshot: PlanningSnapshot | null }, targetExternalId: string | null) {
  const { snapshot } = held;
  if (snapshot === null) throw new Error('A run plans its snapshot once');
  held.snapshot = null;
  return planSnapshotBatches(snapshot, await readOpenOrders(em, snapshot), targetExternalId);
}

/**
 * Runs a queued run to its end: read the planning snapshot from 1С, storing each part as
 * it arrives (the norms and the stock a warehouse at a time while the rest is read, the sent
 * orders 1С closed), then, under the planning lock, read the open orders, plan,
 * and write the transfer orders, the outside orders and their outbox events in one
 * transaction. Every step writes a log row (the caller sets the run's log context).
 * Resolves with the outcome; a failure is an outcome, not a rejection.
 */
export async function executeRun(deps: RunDependencies, runId: string, targetWarehouseId: string | null): Promise<RunOutcome> {
  const { sessions, logger } = deps;
  const runStarted = performance.now();
  const since = (start: number): number => Math.round(performance.now() - start);
  let step: RunStep = 'start';
  let stepStarted = runStarted;
  // The norms and the stock are each stored while the rest is read: their transactions open with the first answer.
  const catalogStore = new CatalogStore(sessions);
  const stockStore = new StockStore(sessions, runId);
  try {
    await markRunRunning(sessions.open(), runId);
    await logger.info('Replenishment run started', { step, status: RUNNING, payload: { targetWarehouseId } });

    let catalogCounts = { warehouses: 0, products: 0, rules: 0 };
    let reconciled: TransferOrderReconciliation = { ordersChecked: 0, ordersReceived: 0, ordersCancelled: 0, ordersStillOpen: 0, ordersUnknown: 0 };
    let stored = { items: 0, snapshots: 0 };
    // Handed to the planner, then let go: its columns need not outlive the plan while orders are written.
    const awaitingPlan: { snapshot: PlanningSnapshot | null } = { snapshot: null };
    awaitingPlan.snapshot = await readPlanningSnapshot(deps, {
      reading(part) {
        step = STEP_OF_PART[part];
        stepStarted = performance.now();
      },
      settingsAnswered: (catalog, warehouse, from, to) => catalogStore.add(catalog, warehouse, from, to),
      async catalogRead(catalog) {
        catalogCounts = await catalogStore.finish(catalog);
        await logger.info(`Catalog synced from 1С: ${catalogCounts.warehouses} warehouses, ${catalogCounts.rules} rules`, {
          step,
          status: STEP_DONE,
          externalSystem: ONE_C,
          elapsedMs: since(stepStarted),
          payload: catalogCounts,
        });
      },
      async sentOrdersReviewed(verdicts) {
        reconciled = await recordReconciliation(deps, verdicts);
        const { ordersChecked, ordersReceived, ordersCancelled, ordersStillOpen, ordersUnknown } = reconciled;
        await logger.info(
          `Transfer orders reconciled with 1С: ${ordersChecked} checked, ${ordersReceived} received, ` +
            `${ordersCancelled} cancelled, ${ordersStillOpen} still open, ${ordersUnknown} unknown`,
          { step, status: STEP_DONE, externalSystem: ONE_C, elapsedMs: since(stepStarted), payload: reconciled },
        );
      },
      stockAnswered: (stock, from, to, catalog) => stockStore.add(stock, from, to, catalog),
      async stockRead(stock, catalog) {
        stored = await stockStore.finish(stock, catalog);
        await logger.info(`Stock fetched from 1С: ${stored.items} lines`, {
          step,
          status: STEP_DONE,
          externalSystem: ONE_C,
          elapsedMs: since(stepStarted),
          payload: stored,
        });
      },
    });

    step = 'plan';
    stepStarted = performance.now();
    // Plan and write in one locked transaction, so the open orders read include every committed run's.
    // Each product batch's orders are written before the next is planned: the plan is never held whole.
    const tally = new PlanTally();
    const { planCounts, written } = await sessions.withSession(async (em) => {
      await lockForTransaction(em, 'planning');
      const references = await readCatalogReferences(em);
      const target = targetWarehouseId === null ? null : warehouseByHubId(references, targetWarehouseId);
      if (target === undefined) throw new UnknownWarehouseError(targetWarehouseId as string);
      const batches = tally.plans(await planRun(em, awaitingPlan, target?.externalId ?? null), (phase) => (step = phase));
      const orders = await writePlanBatches(em, runId, batches, references);
      return { planCounts: tally.counts(orders), written: orders };
    });
    const planningMs = Math.round(tally.planningMs);
    await logger.info(`Plan computed: ${planCounts.transferOrders} transfer orders, ${planCounts.uncoveredLines} lines uncovered`, {
      step: 'plan',
      status: STEP_DONE,
      elapsedMs: planningMs,
      payload: planCounts,
    });
    await logger.info(
      `Orders written: ${written.transferOrders} transfer orders, ${written.externalOrders} outside orders, outbox events: ${written.outboxEvents}`,
      { step: 'write_orders', status: STEP_DONE, elapsedMs: since(stepStarted) - planningMs, payload: written },
    );

    step = 'finish';
    const counts: RunCounts = {
      ...catalogCounts,
      stockItems: stored.items,
      stockSnapshots: stored.snapshots,
      ...planCounts,
      ...written,
      ...reconciled,
    };
    await markRunFinished(sessions.open(), runId, { status: SUCCEEDED, counts, error: null });
    await logger.info('Replenishment run succeeded', { step, status: SUCCEEDED, elapsedMs: since(runStarted), payload: counts });
    return { status: SUCCEEDED, counts };
  } catch (error) {
    const message = describeRunError(error);
    // A norms or stock read that failed half way stores none of it (its transaction is still open).
    await catalogStore.abandon().catch(() => undefined);
    await stockStore.abandon(error instanceof Error ? error : new Error(message)).catch(() => undefined);
    // A database outage fails the run and refuses its failure too: recorded once the database is back.
    await recordRunFailure(deps, runId, { step, message });
    await logger.error(`Replenishment run failed at ${step}: ${message}`, {
      step,
      status: FAILED,
      elapsedMs: since(runStarted),
      details: { error },
    });
    return { status: FAILED, error: message };
  }
}
