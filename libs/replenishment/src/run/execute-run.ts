import { performance } from 'node:perf_hooks';
import type { RunStatus } from '@hub/db';
import { fetchStock } from '../catalog/fetch-stock';
import { syncCatalog } from '../catalog/sync-catalog';
import { planTransfers } from '../planner/plan-transfers';
import { lockPlanning, readPlanningInput } from '../sql/planner-reads';
import { markRunFinished, markRunRunning } from '../sql/runs-sql';
import { readCatalogReferences } from '../sql/catalog-references-sql';
import { describeRunError } from './errors';
import { countPlan } from './plan-counts';
import { reconcileTransferOrders } from './reconcile-orders';
import type { RunCounts, RunDependencies, RunOutcome } from './types';
import { writeExternalOrders } from './write-external-orders';
import { writeTransferOrders } from './write-transfer-orders';

/** The steps of a run, as its log rows name them. */
export const RUN_STEPS = ['start', 'sync_catalog', 'reconcile_orders', 'fetch_stock', 'plan', 'write_orders', 'finish'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

const STEP_DONE = 'done';
const RUNNING: RunStatus = 'running';
const SUCCEEDED = 'succeeded' satisfies RunStatus;
const FAILED = 'failed' satisfies RunStatus;
const ONE_C = '1c';

/**
 * Runs a queued run to its end: sync the catalogue from 1С, close the sent orders 1С has
 * received or cancelled, fetch stock, plan, and write the transfer orders, the outside
 * orders and their outbox events in one transaction. Every step writes a log row
 * (the caller sets the run's log context). Resolves with the outcome; a failure is an
 * outcome, not a rejection.
 */
export async function executeRun(deps: RunDependencies, runId: string, targetWarehouseId: string | null): Promise<RunOutcome> {
  const { orm, oneC, logger } = deps;
  const runStarted = performance.now();
  const since = (start: number): number => Math.round(performance.now() - start);
  let step: RunStep = 'start';
  try {
    await markRunRunning(orm.em.fork(), runId);
    await logger.info('Replenishment run started', { step, status: RUNNING, payload: { targetWarehouseId } });

    step = 'sync_catalog';
    let stepStarted = performance.now();
    const catalog = await syncCatalog(orm, oneC);
    await logger.info(`Catalog synced from 1С: ${catalog.warehouses.length} warehouses, ${catalog.rules} rules`, {
      step, status: STEP_DONE, externalSystem: ONE_C, elapsedMs: since(stepStarted),
      payload: { warehouses: catalog.warehouses.length, products: catalog.products, rules: catalog.rules },
    });

    // Before stock, never after: an order received in between is then counted twice for
    // one run (stock and inbound: a short order the next run makes up), never not at all
    // (which would order the same goods again).
    step = 'reconcile_orders';
    stepStarted = performance.now();
    const reconciled = await reconcileTransferOrders(deps);
    await logger.info(
      `Transfer orders reconciled with 1С: ${reconciled.ordersChecked} checked, ${reconciled.ordersReceived} received, ` +
        `${reconciled.ordersCancelled} cancelled, ${reconciled.ordersStillOpen} still open, ${reconciled.ordersUnknown} unknown`,
      { step, status: STEP_DONE, externalSystem: ONE_C, elapsedMs: since(stepStarted), payload: reconciled },
    );

    step = 'fetch_stock';
    stepStarted = performance.now();
    const stock = await fetchStock(orm, oneC, runId, catalog.warehouses);
    await logger.info(`Stock fetched from 1С: ${stock.items} lines`, {
      step, status: STEP_DONE, externalSystem: ONE_C, elapsedMs: since(stepStarted), payload: stock,
    });

    step = 'plan';
    stepStarted = performance.now();
    // Plan and write in one locked transaction, so the inbound read includes every committed run's orders.
    const { planCounts, written } = await orm.em.fork().transactional(async (em) => {
      await lockPlanning(em);
      const plan = planTransfers(await readPlanningInput(em, runId, targetWarehouseId));
      const planned = countPlan(plan);
      await logger.info(`Plan computed: ${planned.transferOrders} transfer orders, ${planned.uncoveredLines} lines uncovered`, {
        step, status: STEP_DONE, elapsedMs: since(stepStarted), payload: planned,
      });
      step = 'write_orders';
      stepStarted = performance.now();
      const references = await readCatalogReferences(em);
      const transfers = await writeTransferOrders(em, runId, plan.transferOrders, references);
      const externals = await writeExternalOrders(em, runId, plan.uncovered, references);
      return { planCounts: planned, written: { transfers, externals } };
    });
    const writtenCounts = {
      transferOrders: written.transfers.orderIds.length, externalOrders: written.externals.orderIds.length,
      externalLines: written.externals.lines, externalUnits: written.externals.units,
      outboxEvents: written.transfers.events + written.externals.events,
    };
    await logger.info(
      `Orders written: ${writtenCounts.transferOrders} transfer orders, ${writtenCounts.externalOrders} outside orders, outbox events: ${writtenCounts.outboxEvents}`,
      { step, status: STEP_DONE, elapsedMs: since(stepStarted), payload: writtenCounts },
    );

    step = 'finish';
    const counts: RunCounts = {
      warehouses: catalog.warehouses.length, products: catalog.products, rules: catalog.rules,
      stockItems: stock.items, stockSnapshots: stock.snapshots, ...planCounts, ...writtenCounts, ...reconciled,
    };
    await markRunFinished(orm.em.fork(), runId, { status: SUCCEEDED, counts, error: null });
    await logger.info('Replenishment run succeeded', { step, status: SUCCEEDED, elapsedMs: since(runStarted), payload: counts });
    return { status: SUCCEEDED, counts };
  } catch (error) {
    const message = describeRunError(error);
    try {
      await markRunFinished(orm.em.fork(), runId, { status: FAILED, counts: {}, error: message });
    } catch (markError) {
      await logger.error('Could not mark the run failed', { step, status: FAILED, details: { error: markError } });
    }
    await logger.error(`Replenishment run failed at ${step}: ${message}`, {
      step, status: FAILED, elapsedMs: since(runStarted), details: { error },
    });
    return { status: FAILED, error: message };
  }
}
