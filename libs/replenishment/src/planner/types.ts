/**
 * The planner's input and output. Every id is a hub uuid; the planner never sees 1С ids,
 * so the same plan can be checked against the database line by line.
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
  /** At most one rule per (warehouse, product), as the database's unique key guarantees. */
  rules: readonly PlanningRule[];
  /** At most one row per (warehouse, product). */
  stock: readonly PlanningStock[];
  /** Open orders' quantities arriving at each warehouse: part of its position. */
  inbound: readonly OpenQuantity[];
  /**
   * Open orders' quantities leaving each warehouse: already promised, so not surplus.
   * Without it a second run would hand the same donor stock out again.
   */
  outbound: readonly OpenQuantity[];
  /** Plan for this warehouse only; null or absent plans every warehouse that has rules. */
  targetWarehouseId?: string | null;
}

/** The numbers that produced a line, so an operator can see why it exists. */
export interface LineExplanation {
  onHand: number;
  reserved: number;
  inbound: number;
  /** onHand − reserved + inbound */
  position: number;
  min: number;
  max: number;
  multiple: number;
  /** max − position rounded up to the multiple */
  need: number;
  /**
   * What the donor could still give of this product just before this line: on hand −
   * reserved − open outbound − its own min, less earlier lines (0 for uncovered lines).
   */
  donorSurplus: number;
  /** The quantity of this line. */
  allocated: number;
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

/** Need that no own warehouse can cover: the part to buy outside. */
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
  explanation: Omit<LineExplanation, 'donorSurplus' | 'allocated'>;
}

export interface Plan {
  /** Every (target, product) that fell below its min, in planning order. */
  needs: TargetNeed[];
  transferOrders: PlannedTransferOrder[];
  uncovered: UncoveredLine[];
}
