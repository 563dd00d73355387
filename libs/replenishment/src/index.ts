export { planTransfers } from './planner/plan-transfers';
export { computeNeed, computePosition, computeSurplus, packSize, roundUpToMultiple } from './planner/position';
export { DuplicatePlanningRowError, PLANNING_INPUT_ERROR_CODES } from './planner/errors';
export { allocateProduct, type Allocation, type ProductAllocation, type ProductNeed, type ProductSurplus } from './planner/allocate';
export type {
  LineExplanation,
  NeedExplanation,
  Plan,
  PlannedTransferOrder,
  OpenQuantity,
  PlanningInput,
  PlanningRule,
  PlanningStock,
  TargetNeed,
  TransferLine,
  UncoveredLine,
} from './planner/types';
export { startReplenishmentRun } from './run/start-run';
export { RUN_STEPS, type RunStep } from './run/execute-run';
export type { RunCounts, RunDependencies, RunOutcome, RunRequest, StartedRun, TransferOrderReconciliation } from './run/types';
export {
  InvalidRunRequestError,
  RunInProgressError,
  UnknownWarehouseError,
  REPLENISHMENT_ERROR_CODES,
  describeRunError,
} from './run/errors';
export { CREATE_1C_TRANSFER_ORDER, TRANSFER_ORDER_AGGREGATE, MissingOneCReferenceError } from './run/write-transfer-orders';
export { MissingCatalogReferenceError } from './run/write-external-orders';
export { findWarehouse, listWarehouses, type WarehouseSummary } from './sql/warehouses-sql';
export { findRun, listRuns, UnknownRunCursorError, type RunRecord, type RunListQuery, type RunPage } from './sql/runs-sql';
export { readRunOrders, type RunOrders, type RecordedTransferOrder, type RecordedExternalOrder, type OutboxEventState } from './sql/run-orders-sql';
export { planDryRun, type DryRunPlan, type DryRunRequest } from './run/dry-run';
export type { PlanCounts } from './run/plan-counts';
export type { ExplainedLine, ExternalOrderView, NeedView, PlanView, ProductLabel, TransferOrderView, WarehouseLabel } from './run/plan-view';
