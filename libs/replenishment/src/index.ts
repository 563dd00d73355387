/*
 * Replenishment: the planning snapshot (read once, in one sequence, for runs and dry runs),
 * the planner (Algorithm 1, pure), runs (admission, execution, what they recorded) and the
 * hub's catalogue of warehouses.
 */
export { planTransfers, NetworkPlanner, type PlannerNetwork } from './planner/plan-transfers';
export { planProductBatches, mergePlans, splitIntoProductBatches, type ProductBatch } from './planner/plan-batches';
export type { LineExplanation, OpenQuantity, Plan, PlanningInput, PlanningRule, PlanningStock } from './planner/types';
export { startReplenishmentRun } from './run/start-run';
export { planDryRun, type DryRunPlan, type DryRunRequest } from './run/dry-run';
export type { RunCounts, RunDependencies, RunOutcome, RunRequest, StartedRun } from './run/types';
export { RunInProgressError, UnknownWarehouseError, InvalidRunRequestError, describeRunError } from './run/errors';
export type { ExplainedLine, ProductLabel, WarehouseLabel } from './run/plan-view';
export { findWarehouse, listWarehouses, type WarehouseSummary } from './sql/warehouses-sql';
export { findRun, listRuns, type RunRecord, type RunListQuery } from './sql/runs-sql';
export { readRunDays, type RunDay } from './sql/run-history-sql';
export { readRunOrders, type RunOrders, type RecordedTransferOrder, type RecordedExternalOrder, type OutboxEventState } from './sql/run-orders-sql';
