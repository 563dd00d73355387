import type { FairShareAllocator } from './fair-share';
import type { NetworkIndex } from './network-index';
import { LineNumbers, NeedRow, TransferLineRow, UncoveredLineRow } from './plan-rows';
import type { NeedExplanation, Plan, PlannedTransferOrder, TargetNeed, UncoveredLine } from './types';

/**
 * Steps 5–7: turns each product's allocation into transfer lines grouped by (donor,
 * target) and uncovered lines, every one with its explanation. Products arrive in id
 * order, so lines need no sorting; orders and uncovered lines are put in id order once, at the end.
 */
export class PlanBuilder {
  readonly needs: TargetNeed[] = [];
  private readonly orders = new Map<number, PlannedTransferOrder>();
  private readonly uncovered: UncoveredLine[][];

  constructor(private readonly network: NetworkIndex) {
    this.uncovered = network.warehouseIds.map(() => []);
  }

  addNeed(warehouse: number, product: number, explanation: NeedExplanation): void {
    const { warehouseIds, productIds } = this.network;
    this.needs.push(new NeedRow(warehouseIds[warehouse]!, productIds[product]!, explanation));
  }

  /** `explanations[slot]` explains the allocator's target `slot`. */
  addProduct(product: number, allocation: FairShareAllocator, explanations: readonly NeedExplanation[]): void {
    const { warehouseIds, productIds } = this.network;
    const productId = productIds[product]!;
    const warehouseCount = warehouseIds.length;
    explanations.forEach((need, slot) => {
      const target = allocation.targetWarehouse[slot]!;
      for (let line = allocation.firstLine[slot]!; line >= 0; line = allocation.lineNext[line]!) {
        const donor = allocation.lineDonor[line]!;
        const quantity = allocation.lineQuantity[line]!;
        const key = donor * warehouseCount + target;
        let order = this.orders.get(key);
        if (!order) {
          order = { sourceWarehouseId: warehouseIds[donor]!, targetWarehouseId: warehouseIds[target]!, lines: [] };
          this.orders.set(key, order);
        }
        order.lines.push(new TransferLineRow(productId, quantity, new LineNumbers(need, allocation, slot, allocation.donors.surplusOf(donor), quantity)));
      }
      const open = need.need - allocation.covered[slot]!;
      if (open > 0)
        this.uncovered[target]!.push(new UncoveredLineRow(warehouseIds[target]!, productId, open, new LineNumbers(need, allocation, slot, 0, open)));
    });
  }

  finish(): Plan {
    // key = donor × count + target, so numeric key order is (donor id, target id) order.
    const keys = [...this.orders.keys()].sort((a, b) => a - b);
    return { needs: this.needs, transferOrders: keys.map((key) => this.orders.get(key)!), uncovered: this.uncovered.flat() };
  }
}
