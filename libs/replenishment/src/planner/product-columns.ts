import { DuplicatePlanningRowError } from './errors';
import type { NetworkIndex, RowsByProduct } from './network-index';
import type { PlanningRule } from './types';

/**
 * One product's numbers per warehouse index, refilled product by product into the same
 * arrays: planning a million (warehouse, product) pairs allocates per warehouse, not per pair.
 * A value counts only when its stamp names the current product; anything else reads as 0 / none.
 */
export class ProductColumns {
  private readonly onHand: Float64Array;
  private readonly reserved: Float64Array;
  private readonly inbound: Float64Array;
  private readonly outbound: Float64Array;
  private readonly rule: (PlanningRule | undefined)[];
  private readonly ruleStamp: Int32Array;
  private readonly stockStamp: Int32Array;
  private readonly inboundStamp: Int32Array;
  private readonly outboundStamp: Int32Array;
  private stamp = 0;

  constructor(private readonly network: NetworkIndex) {
    const count = network.warehouseIds.length;
    this.onHand = new Float64Array(count);
    this.reserved = new Float64Array(count);
    this.inbound = new Float64Array(count);
    this.outbound = new Float64Array(count);
    this.rule = new Array<PlanningRule | undefined>(count).fill(undefined);
    this.ruleStamp = new Int32Array(count);
    this.stockStamp = new Int32Array(count);
    this.inboundStamp = new Int32Array(count);
    this.outboundStamp = new Int32Array(count);
  }

  /** Loads product `product`'s rows; a second rule or stock row for one warehouse is refused. */
  load(product: number): void {
    const stamp = ++this.stamp;
    const { rules, stock, inbound, outbound, warehouseIds, productIds } = this.network;
    const refuse = (kind: 'rule' | 'stock', warehouse: number) => new DuplicatePlanningRowError(kind, warehouseIds[warehouse] ?? '', productIds[product] ?? '');
    eachRow(rules, product, (row, w) => {
      if (this.ruleStamp[w] === stamp) throw refuse('rule', w);
      this.ruleStamp[w] = stamp;
      this.rule[w] = row;
    });
    eachRow(stock, product, (row, w) => {
      if (this.stockStamp[w] === stamp) throw refuse('stock', w);
      this.stockStamp[w] = stamp;
      this.onHand[w] = row.onHand;
      this.reserved[w] = row.reserved;
    });
    sumInto(inbound, product, this.inbound, this.inboundStamp, stamp);
    sumInto(outbound, product, this.outbound, this.outboundStamp, stamp);
  }

  ruleOf(warehouse: number): PlanningRule | undefined {
    return this.ruleStamp[warehouse] === this.stamp ? this.rule[warehouse] : undefined;
  }

  hasStock(warehouse: number): boolean {
    return this.stockStamp[warehouse] === this.stamp;
  }

  onHandOf(warehouse: number): number {
    return this.hasStock(warehouse) ? this.onHand[warehouse]! : 0;
  }

  reservedOf(warehouse: number): number {
    return this.hasStock(warehouse) ? this.reserved[warehouse]! : 0;
  }

  inboundOf(warehouse: number): number {
    return this.inboundStamp[warehouse] === this.stamp ? this.inbound[warehouse]! : 0;
  }

  outboundOf(warehouse: number): number {
    return this.outboundStamp[warehouse] === this.stamp ? this.outbound[warehouse]! : 0;
  }
}

function eachRow<T>(rows: RowsByProduct<T>, product: number, visit: (row: T, warehouse: number) => void): void {
  for (let k = rows.start[product]!; k < rows.start[product + 1]!; k++) {
    const i = rows.order[k]!;
    visit(rows.rows[i]!, rows.warehouseOf[i]!);
  }
}

/** Open quantities add up: several orders may bring one product to one warehouse. */
function sumInto(rows: RowsByProduct<{ quantity: number }>, product: number, sums: Float64Array, stamps: Int32Array, stamp: number): void {
  eachRow(rows, product, (row, w) => {
    sums[w] = (stamps[w] === stamp ? sums[w]! : 0) + row.quantity;
    stamps[w] = stamp;
  });
}
