import type { EntityManager } from '@hub/db';
import { groupBy } from '@hub/runtime';
import type { DeliveryReceipt } from './dispatcher';

/** One delivered event, as its aggregate's `delivered` hook sees it. */
export interface AggregateDelivery {
  eventId: string;
  aggregateId: string;
  receipt: DeliveryReceipt;
}

/**
 * What the owner of an aggregate type does when the outbox settles events of it. Each hook
 * runs inside the transaction that changes the events, so an event and the row it describes
 * change together or not at all.
 */
export interface AggregateHooks {
  /**
   * The events were marked delivered. Resolves the ids of the events whose aggregate no
   * longer exists: the outbox makes those dead instead, with a message saying so.
   */
  delivered?(tx: EntityManager, deliveries: readonly AggregateDelivery[]): Promise<ReadonlySet<string>>;
  /** Events of these aggregates went dead: no retry will deliver them. */
  dead?(tx: EntityManager, aggregateIds: readonly string[]): Promise<void>;
  /** A dead event of each aggregate was put back to pending by hand. Resolves the aggregates it changed. */
  retried?(tx: EntityManager, aggregateIds: readonly string[]): Promise<readonly string[]>;
}

/** Hooks by aggregate type; an aggregate type without hooks only has its events change. */
export type AggregateHookRegistry = Readonly<Record<string, AggregateHooks | undefined>>;

/** An event row's aggregate, as the statements that settle events return it. */
export interface SettledAggregate {
  aggregate_type: string;
  aggregate_id: string;
}

/** The rows by aggregate type, in first-seen sequence. */
export function groupByAggregateType<Row extends SettledAggregate>(rows: readonly Row[]): Map<string, Row[]> {
  return groupBy(rows, (row) => row.aggregate_type);
}

/** Tells each aggregate type's `dead` hook about its rows, in the caller's transaction. */
export async function notifyDead(tx: EntityManager, hooks: AggregateHookRegistry, rows: readonly SettledAggregate[]): Promise<void> {
  for (const [type, group] of groupByAggregateType(rows)) {
    await hooks[type]?.dead?.(
      tx,
      group.map((row) => row.aggregate_id),
    );
  }
}
