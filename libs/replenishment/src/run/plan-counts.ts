import type { Plan } from '../planner/types';
import { groupByTarget } from './write-orders';

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
