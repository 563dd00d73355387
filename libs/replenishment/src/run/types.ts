import type { RunTrigger, SessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import type { PlanCounts } from './plan-counts';

/** The steps of a run, as its log rows name them. */
export const RUN_STEPS = ['start', 'sync_catalog', 'reconcile_orders', 'fetch_stock', 'plan', 'write_orders', 'finish'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

/** What a run needs from the process: the database, 1С, and where to log. */
export interface RunDependencies {
  sessions: SessionFactory;
  oneC: OneCClient;
  logger: LoggerService;
}

export interface RunRequest {
  trigger: RunTrigger;
  /** The HTTP request that asked for the run (a UUID), if any. */
  requestId?: string | null;
  /** Plan for this warehouse only (a hub id); absent plans every warehouse with rules. */
  warehouseId?: string | null;
  /** The admin operator on whose behalf the run starts (their username), if any. */
  startedBy?: string | null;
}

/**
 * What the run learnt from 1С about the hub's sent transfer orders before reading stock.
 * `ordersReceived` and `ordersCancelled` count the orders this run closed.
 */
export type TransferOrderReconciliation = {
  /** Hub orders in status 'sent' (1С's id known) asked about. */
  ordersChecked: number;
  ordersReceived: number;
  ordersCancelled: number;
  /** Not yet received nor cancelled in 1С: still inbound. */
  ordersStillOpen: number;
  /** 1С has no matching document: left as sent, each named in a WARNING row. */
  ordersUnknown: number;
};

/**
 * The numbers a finished run reports (stored in `replenishment_runs.counts`). A type
 * alias, not an interface, so it fits the column's Record<string, number>.
 */
export type RunCounts = PlanCounts & {
  /** Warehouses 1С listed. */
  warehouses: number;
  /** Distinct products with a stock norm in 1С. */
  products: number;
  rules: number;
  /** Stock lines 1С returned, and the snapshot rows they made (one per warehouse and product). */
  stockItems: number;
  stockSnapshots: number;
  /** One per transfer order and one per outside order written. */
  outboxEvents: number;
} & TransferOrderReconciliation;

export type RunOutcome = { status: 'succeeded'; counts: RunCounts } | { status: 'failed'; error: string };

export interface StartedRun {
  runId: string;
  /** Settles when the run has finished; never rejects. */
  completion: Promise<RunOutcome>;
}
