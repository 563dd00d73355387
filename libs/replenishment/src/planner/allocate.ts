/** One target's need for a product. */
export interface ProductNeed {
  warehouseId: string;
  need: number;
}

/** One donor's surplus of a product. */
export interface ProductSurplus {
  warehouseId: string;
  surplus: number;
}

export interface Allocation {
  sourceWarehouseId: string;
  targetWarehouseId: string;
  quantity: number;
  /** The donor's remaining surplus just before this allocation. */
  donorSurplus: number;
}

export interface ProductAllocation {
  allocations: Allocation[];
  /** Per target, what the donors could not cover (only targets with a shortfall). */
  uncovered: Map<string, number>;
}

const byWarehouseId = (a: { warehouseId: string }, b: { warehouseId: string }): number =>
  a.warehouseId < b.warehouseId ? -1 : a.warehouseId > b.warehouseId ? 1 : 0;

/**
 * Splits donors' surplus of one product over its targets. Targets are served in
 * warehouse-id order; each takes from the donor with the most surplus left (ties by
 * warehouse id), so the outcome depends only on the numbers, never on input order.
 * Nobody gets more than their need and no donor gives more than its surplus.
 */
export function allocateProduct(needs: readonly ProductNeed[], surpluses: readonly ProductSurplus[]): ProductAllocation {
  const remaining = new Map(surpluses.filter((s) => s.surplus > 0).map((s) => [s.warehouseId, s.surplus]));
  const allocations: Allocation[] = [];
  const uncovered = new Map<string, number>();

  for (const target of [...needs].sort(byWarehouseId)) {
    let open = target.need;
    while (open > 0) {
      const donor = pickDonor(remaining, target.warehouseId);
      if (!donor) break;
      const quantity = Math.min(open, donor.surplus);
      allocations.push({ sourceWarehouseId: donor.warehouseId, targetWarehouseId: target.warehouseId, quantity, donorSurplus: donor.surplus });
      remaining.set(donor.warehouseId, donor.surplus - quantity);
      open -= quantity;
    }
    if (open > 0) uncovered.set(target.warehouseId, open);
  }
  return { allocations, uncovered };
}

function pickDonor(remaining: Map<string, number>, targetId: string): ProductSurplus | undefined {
  let best: ProductSurplus | undefined;
  for (const [warehouseId, surplus] of remaining) {
    if (warehouseId === targetId || surplus <= 0) continue;
    if (!best || surplus > best.surplus || (surplus === best.surplus && warehouseId < best.warehouseId)) {
      best = { warehouseId, surplus };
    }
  }
  return best;
}
