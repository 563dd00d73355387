import type { FairShareAllocator } from './fair-share';
import type { LineExplanation, NeedExplanation, PlanningRule, PlanningStock, TargetNeed, TransferLine, UncoveredLine } from './types';

/*
 * The rows and lines a run makes by the hundred thousand are made by classes, not object
 * literals. V8 watches each literal in the code: once a young collection finds most of the
 * objects a literal made still alive (as it does when it comes in the middle of a product
 * batch), every later object of that literal is allocated straight in the old generation
 * ("allocation-site pretenuring"), where only a full collection frees it. At 200 × 5,000 the
 * snapshot's rows alone so put 160 MB a run in the old generation that were garbage once their
 * batch was planned (issue 13, P3: V8's sampling heap profiler, and the same run under `node
 * --no-allocation-site-pretenuring`). Objects a class constructor makes are not pretenured so.
 */

export class RuleRow implements PlanningRule {
  constructor(
    readonly warehouseId: string,
    readonly productId: string,
    readonly min: number,
    readonly max: number,
    readonly multiple: number,
  ) {}
}

export class StockRow implements PlanningStock {
  constructor(
    readonly warehouseId: string,
    readonly productId: string,
    readonly onHand: number,
    readonly reserved: number,
  ) {}
}

export class Need implements NeedExplanation {
  constructor(
    readonly onHand: number,
    readonly reserved: number,
    readonly inbound: number,
    readonly position: number,
    readonly min: number,
    readonly max: number,
    readonly multiple: number,
    readonly need: number,
  ) {}
}

export class NeedRow implements TargetNeed {
  constructor(
    readonly warehouseId: string,
    readonly productId: string,
    readonly explanation: NeedExplanation,
  ) {}
}

/** A line's numbers: the need's, then the allocation's for its target `slot`. One shape for all, fields in one order. */
export class LineNumbers implements LineExplanation {
  readonly onHand: number;
  readonly reserved: number;
  readonly inbound: number;
  readonly position: number;
  readonly min: number;
  readonly max: number;
  readonly multiple: number;
  readonly need: number;
  readonly donorSurplus: number;
  readonly allocated: number;
  readonly totalNeed: number;
  readonly totalSurplus: number;
  readonly fairShare: number;
  readonly fairQuota: number;
  readonly covered: number;
  readonly share: number;

  constructor(need: NeedExplanation, allocation: FairShareAllocator, slot: number, donorSurplus: number, allocated: number) {
    this.onHand = need.onHand;
    this.reserved = need.reserved;
    this.inbound = need.inbound;
    this.position = need.position;
    this.min = need.min;
    this.max = need.max;
    this.multiple = need.multiple;
    this.need = need.need;
    this.donorSurplus = donorSurplus;
    this.allocated = allocated;
    this.totalNeed = allocation.totalNeed;
    this.totalSurplus = allocation.totalSurplus;
    this.fairShare = allocation.fairShare;
    this.fairQuota = allocation.quota[slot]!;
    this.covered = allocation.covered[slot]!;
    this.share = this.covered / need.need;
  }
}

export class TransferLineRow implements TransferLine {
  constructor(
    readonly productId: string,
    readonly quantity: number,
    readonly explanation: LineExplanation,
  ) {}
}

export class UncoveredLineRow implements UncoveredLine {
  constructor(
    readonly warehouseId: string,
    readonly productId: string,
    readonly quantity: number,
    readonly explanation: LineExplanation,
  ) {}
}
