import { FairShareAllocator } from './fair-share';
import { packSize } from './position';

/** One target's need for a product: a whole number of `multiple` (1 when absent); 0 asks nothing. */
export interface ProductNeed {
  warehouseId: string;
  need: number;
  multiple?: number;
}

/** One donor's surplus of a product. */
export interface ProductSurplus {
  warehouseId: string;
  surplus: number;
}

export interface Allocation {
  sourceWarehouseId: string;
  targetWarehouseId: string;
  /** A whole number of the target's multiple. */
  quantity: number;
  /** The donor's surplus before anything was allocated. */
  donorSurplus: number;
}

export interface ProductAllocation {
  /** By target id, then donor id; at most one per (donor, target). */
  allocations: Allocation[];
  /** Per target, what the donors could not cover (only targets with a shortfall). */
  uncovered: Map<string, number>;
  /** min(1, totalSurplus / totalNeed): the common share of need every target is brought to. */
  fairShare: number;
  totalNeed: number;
  /** The donors' surplus in whole packs of the smallest multiple among the targets. */
  totalSurplus: number;
}

/**
 * Steps 4–6 for one product, on ids: shares the donors' surplus fairly over the targets
 * in whole packs (see FairShareAllocator). A warehouse that is a target does not give.
 * The outcome depends only on the numbers and ids, never on input order.
 */
export function allocateProduct(needs: readonly ProductNeed[], surpluses: readonly ProductSurplus[]): ProductAllocation {
  const ids = [...new Set([...needs, ...surpluses].map((row) => row.warehouseId))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const targets = needs.filter((n) => n.need !== 0).sort((a, b) => index.get(a.warehouseId)! - index.get(b.warehouseId)!);
  const allocator = new FairShareAllocator(ids.length);
  for (const [i, target] of targets.entries()) {
    const pack = packSize(target.multiple ?? 1);
    if (!Number.isInteger(target.need / pack) || target.need <= 0) {
      throw new RangeError(`need ${target.need} of warehouse ${target.warehouseId} is not a positive whole number of its multiple ${pack}`);
    }
    if (targets[i - 1]?.warehouseId === target.warehouseId) throw new RangeError(`warehouse ${target.warehouseId} has two needs`);
    allocator.addTarget(index.get(target.warehouseId)!, target.need, pack);
  }
  const isTarget = new Set(targets.map((n) => n.warehouseId));
  const donors = new Set<string>();
  for (const donor of surpluses) {
    if (donors.has(donor.warehouseId)) throw new RangeError(`warehouse ${donor.warehouseId} has two surpluses`);
    donors.add(donor.warehouseId);
    if (!isTarget.has(donor.warehouseId)) allocator.addDonor(index.get(donor.warehouseId)!, donor.surplus);
  }
  allocator.allocate();

  const allocations: Allocation[] = [];
  const uncovered = new Map<string, number>();
  allocator.targetWarehouse.forEach((target, slot) => {
    const lines: Allocation[] = [];
    for (let line = allocator.firstLine[slot]!; line >= 0; line = allocator.lineNext[line]!) {
      const donor = allocator.lineDonor[line]!;
      lines.push({
        sourceWarehouseId: ids[donor]!,
        targetWarehouseId: ids[target]!,
        quantity: allocator.lineQuantity[line]!,
        donorSurplus: allocator.donors.surplusOf(donor),
      });
    }
    allocations.push(...lines.sort((a, b) => index.get(a.sourceWarehouseId)! - index.get(b.sourceWarehouseId)!));
    const open = allocator.need[slot]! - allocator.covered[slot]!;
    if (open > 0) uncovered.set(ids[target]!, open);
  });
  const { fairShare, totalNeed, totalSurplus } = allocator;
  return { allocations, uncovered, fairShare, totalNeed, totalSurplus };
}
