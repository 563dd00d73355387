import { performance } from 'node:perf_hooks';
import type { Plan } from '../planner/types';
import { groupByTarget, type PlannedOrders, type WrittenOrders } from './write-orders';

/** How big a plan is: what a run's counts and a dry run's answer report of it. */
export type PlanCounts = {
  /** (target, product) pairs below their min. */
  needs: number;
  transferOrders: number;
  transferLines: number;
  unitsPlanned: number;
  uncoveredLines: number;
  uncoveredUnits: number;
  /** One outside order per target with uncovered lines. */
  externalOrders: number;
  externalLines: number;
  externalUnits: number;
};

const sumOf = (lines: readonly { quantity: number }[]): number => lines.reduce((sum, line) => sum + line.quantity, 0);

export function countPlan(plan: Plan): PlanCounts {
  const lines = plan.transferOrders.flatMap((o) => o.lines);
  return {
    needs: plan.needs.length,
    transferOrders: plan.transferOrders.length,
    transferLines: lines.length,
    unitsPlanned: sumOf(lines),
    uncoveredLines: plan.uncovered.length,
    uncoveredUnits: sumOf(plan.uncovered),
    externalOrders: groupByTarget(plan.uncovered).size,
    externalLines: plan.uncovered.length,
    externalUnits: sumOf(plan.uncovered),
  };
}

/* What a batch's counts add to the whole plan's; orders span batches, so they are counted as written. */
const SUMMED_COUNTS = ['needs', 'transferLines', 'unitsPlanned', 'uncoveredLines', 'uncoveredUnits'] as const;

/** Which of the two a run is doing while it plans and writes a batch at a time. */
export type PlanPhase = 'plan' | 'write_orders';

/**
 * Counts a plan made and written a batch at a time (see writePlanBatches), and the time spent
 * making it, apart from writing it: `plans` passes the batches through, telling `entered`
 * which phase the run is in (a failure belongs to that step).
 */
export class PlanTally {
  planningMs = 0;
  private readonly sums: Record<(typeof SUMMED_COUNTS)[number], number> = { needs: 0, transferLines: 0, unitsPlanned: 0, uncoveredLines: 0, uncoveredUnits: 0 };

  async *plans(batches: AsyncIterable<Plan>, entered: (phase: PlanPhase) => void): AsyncGenerator<PlannedOrders> {
    const iterator = batches[Symbol.asyncIterator]();
    for (;;) {
      entered('plan');
      const started = performance.now();
      const orders = this.counted(await iterator.next());
      this.planningMs += performance.now() - started;
      // What follows the last batch is writing too: the events of orders complete at last.
      entered('write_orders');
      if (orders === undefined) return;
      yield orders;
    }
  }

  /**
   * Adds a batch's plan to the counts and passes on its orders alone: a run writes no needs,
   * so they die young rather than wait, in the old generation, for the batch to be written.
   */
  private counted(next: IteratorResult<Plan>): PlannedOrders | undefined {
    if (next.done) return undefined;
    const counts = countPlan(next.value);
    for (const summed of SUMMED_COUNTS) this.sums[summed] += counts[summed];
    return { transferOrders: next.value.transferOrders, uncovered: next.value.uncovered };
  }

  /** The plan's counts, once every batch was written: orders are counted as written (one per donor and target, one per target outside). */
  counts(written: WrittenOrders): PlanCounts {
    const { needs, transferLines, unitsPlanned, uncoveredLines, uncoveredUnits } = this.sums;
    return {
      needs,
      transferOrders: written.transferOrders,
      transferLines,
      unitsPlanned,
      uncoveredLines,
      uncoveredUnits,
      externalOrders: written.externalOrders,
      externalLines: written.externalLines,
      externalUnits: written.externalUnits,
    };
  }
}
