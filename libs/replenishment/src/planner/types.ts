/**
 * The planner's input and output. Ids are opaque to the planner: runs and dry runs plan in
 * 1С's ids (the planning snapshot's), so a dry run plans exactly what a run would, ties
 * included, and a warehouse the hub has not synced yet can be planned too.
 */

/** Min/max/multiple for one product at one warehouse (Odoo reordering-rule semantics). */
export interface PlanningRule {
  warehouseId: string;
  productId: string;
  min: number;
  max: number;
  multiple: number;
}

/** What a warehouse holds of a product at planning time. A missing row means none. */
export interface PlanningStock {
  warehouseId: string;
  productId: string;
  onHand: number;
  reserved: number;
}

/** Quantity of a product in open orders (not yet received nor cancelled) to or from a warehouse. */
export interface OpenQuantity {
  warehouseId: string;
  productId: string;
  quantity: number;
}

export interface PlanningInput {
  /** Every own warehouse: each is a possible donor to the others. */
  warehouseIds: readonly string[];
  /** At most one rule per (warehouse, product), as the database's unique key guarantees (a second one is refused). */
  rules: readonly PlanningRule[];
  /** At most one row per (warehouse, product) (a second one is refused). */
  stock: readonly PlanningStock[];
  /**
   * Quantities on their way to each warehouse, not yet received: open transfer orders and
   * open outside (МойСклад) orders alike. Part of its position; rows for a pair add up.
   */
  inbound: readonly OpenQuantity[];
  /**
   * Open orders' quantities leaving each warehouse: already promised, so not surplus.
   * Without it a second run would hand the same donor stock out again.
   */
  outbound: readonly OpenQuantity[];
  /** Plan for this warehouse only; null or absent plans every warehouse that has rules. */
  targetWarehouseId?: string | null;
}

/** Steps 1–2 for one (target, product): why it needs anything at all. */
export interface NeedExplanation {
  onHand: number;
  reserved: number;
  /** Open transfers and outside orders on their way to the target, not yet received. */
  inbound: number;
  /** onHand − reserved + inbound */
  position: number;
  min: number;
  /** The level to refill to; a rule whose max is below its min is read as max = min. */
  max: number;
  /** The pack size: every planned quantity is a whole number of these (a rule's multiple below 1 counts as 1). */
  multiple: number;
  /** max − position rounded up to the multiple (Odoo: min 10, max 40, multiple 6, position 8 → 36). */
  need: number;
}

/**
 * The numbers that produced a line, so an operator can check it by hand. For one product:
 * fairShare = min(1, totalSurplus / totalNeed); each target's fairQuota is its need × fairShare
 * rounded down to its multiple; the whole packs left over go one at a time to the target with
 * the lowest share (ties: the larger need, then warehouse id). So `covered` is the fairQuota or
 * one pack more, and less only when no single donor has a whole pack left: a pack is never
 * split between donors.
 */
export interface LineExplanation extends NeedExplanation {
  /**
   * Transfer line: what the donor could give of this product before this plan took any of
   * it — on hand − reserved − open outbound − its own min (0 without a rule). 0 on uncovered lines.
   */
  donorSurplus: number;
  /** The quantity of this line. */
  allocated: number;
  /** The sum of `need` over every target of this product in this plan. */
  totalNeed: number;
  /**
   * What every donor together can give of this product, each donor's surplus counted in
   * whole packs of the smallest multiple among the product's targets.
   */
  totalSurplus: number;
  /** min(1, totalSurplus / totalNeed): the common share of need every target is brought to. */
  fairShare: number;
  /**
   * need × fairShare rounded down to the multiple — floor(totalSurplus × need / (totalNeed ×
   * multiple)) × multiple when donors are short, else need: this target's part before leftover packs.
   */
  fairQuota: number;
  /** What all donors together send this target of this product (the sum of its transfer lines). */
  covered: number;
  /** covered / need: the share of its need this target gets from own warehouses. */
  share: number;
}

export interface TransferLine {
  productId: string;
  quantity: number;
  explanation: LineExplanation;
}

/** One order per (donor, target), lines sorted by product id. */
export interface PlannedTransferOrder {
  sourceWarehouseId: string;
  targetWarehouseId: string;
  lines: TransferLine[];
}

/** Need that no own warehouse can cover: the part to buy outside, need − covered (a whole multiple). */
export interface UncoveredLine {
  warehouseId: string;
  productId: string;
  quantity: number;
  explanation: LineExplanation;
}

/** A target product below its min, before any donor is considered. */
export interface TargetNeed {
  warehouseId: string;
  productId: string;
  explanation: NeedExplanation;
}

export interface Plan {
  /** Every (target, product) that fell below its min, by product id, then warehouse id. */
  needs: TargetNeed[];
  transferOrders: PlannedTransferOrder[];
  uncovered: UncoveredLine[];
}
