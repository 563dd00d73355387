import { describe, expect, it } from 'vitest';
import { planTransfers } from './plan-transfers';
import { EAST, GLUE, MAIN, NAILS, NORTH, SOUTH, moved, network, rule, stock } from './testing/small-network';

describe('planTransfers', () => {
  it('Odoo example end to end: position 8 under min 10 → 36 (max 40, multiple 6) from a donor, line explained', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 10, 40, 6), rule(MAIN, NAILS, 20, 100)],
        stock: [stock(NORTH, NAILS, 12, 4), stock(MAIN, NAILS, 100, 10)],
      }),
    );
    expect(plan.transferOrders).toEqual([
      {
        sourceWarehouseId: MAIN,
        targetWarehouseId: NORTH,
        lines: [
          {
            productId: NAILS,
            quantity: 36,
            explanation: {
              onHand: 12,
              reserved: 4,
              inbound: 0,
              position: 8,
              min: 10,
              max: 40,
              multiple: 6,
              need: 36,
              donorSurplus: 70,
              allocated: 36,
              // MAIN's 70 spare are 66 in whole packs of 6: plenty, so NORTH's full need is its fair part.
              totalNeed: 36,
              totalSurplus: 66,
              fairShare: 1,
              fairQuota: 36,
              covered: 36,
              share: 1,
            },
          },
        ],
      },
    ]);
    expect(plan.uncovered).toEqual([]);
  });

  it('counts inbound in the position, so open orders are not ordered twice', () => {
    const input = network({ rules: [rule(NORTH, NAILS, 10, 40)], stock: [stock(NORTH, NAILS, 2), stock(MAIN, NAILS, 100)] });
    expect(moved(planTransfers(input))).toEqual([{ from: MAIN, to: NORTH, product: NAILS, quantity: 38 }]);
    const after = planTransfers({ ...input, inbound: [{ warehouseId: NORTH, productId: NAILS, quantity: 38 }] });
    expect(after.transferOrders).toEqual([]);
    expect(after.needs).toEqual([]);
  });

  it('does not give stock a donor already promised to open orders', () => {
    const input = network({ rules: [rule(NORTH, NAILS, 10, 40), rule(SOUTH, NAILS, 10, 40)], stock: [stock(MAIN, NAILS, 50)] });
    const first = planTransfers({ ...input, targetWarehouseId: NORTH });
    expect(moved(first)).toEqual([{ from: MAIN, to: NORTH, product: NAILS, quantity: 40 }]);
    const second = planTransfers({ ...input, targetWarehouseId: SOUTH, outbound: [{ warehouseId: MAIN, productId: NAILS, quantity: 40 }] });
    expect(moved(second)).toEqual([{ from: MAIN, to: SOUTH, product: NAILS, quantity: 10 }]);
    expect(second.uncovered).toMatchObject([{ warehouseId: SOUTH, quantity: 30 }]);
  });

  it('never takes a donor below its own min, and treats a donor without a rule as min 0', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 10, 50), rule(MAIN, NAILS, 30, 60)],
        stock: [stock(MAIN, NAILS, 35, 2), stock(SOUTH, NAILS, 4)],
      }),
    );
    // MAIN: 35 − 2 − 30 = 3 to spare; SOUTH has no rule: all 4.
    expect(moved(plan)).toEqual([
      { from: MAIN, to: NORTH, product: NAILS, quantity: 3 },
      { from: SOUTH, to: NORTH, product: NAILS, quantity: 4 },
    ]);
    expect(plan.uncovered).toMatchObject([{ warehouseId: NORTH, productId: NAILS, quantity: 43 }]);
  });

  it('under scarcity brings every target to the same share of its need, and explains the numbers', () => {
    // MAIN can spare 30 (40 − its min 10) of the 60 asked: every target gets half its need.
    const plan = planTransfers(
      network({
        rules: [rule(MAIN, GLUE, 10, 50), rule(NORTH, GLUE, 5, 20), rule(SOUTH, GLUE, 5, 10), rule(EAST, GLUE, 5, 30)],
        stock: [stock(MAIN, GLUE, 40)],
      }),
    );
    expect(moved(plan)).toEqual([
      { from: MAIN, to: NORTH, product: GLUE, quantity: 10 },
      { from: MAIN, to: SOUTH, product: GLUE, quantity: 5 },
      { from: MAIN, to: EAST, product: GLUE, quantity: 15 },
    ]);
    expect(plan.uncovered.map((u) => [u.warehouseId, u.quantity])).toEqual([
      [NORTH, 10],
      [SOUTH, 5],
      [EAST, 15],
    ]);
    const fair = { totalNeed: 60, totalSurplus: 30, fairShare: 0.5, donorSurplus: 30, share: 0.5 };
    expect(plan.transferOrders.map((o) => o.lines[0]?.explanation)).toEqual([
      expect.objectContaining({ ...fair, need: 20, fairQuota: 10, covered: 10, allocated: 10 }),
      expect.objectContaining({ ...fair, need: 10, fairQuota: 5, covered: 5, allocated: 5 }),
      expect.objectContaining({ ...fair, need: 30, fairQuota: 15, covered: 15, allocated: 15 }),
    ]);
    // An uncovered line is the rest of the same need: covered + quantity = need.
    expect(plan.uncovered[2]?.explanation).toMatchObject({ ...fair, donorSurplus: 0, need: 30, covered: 15, allocated: 15 });
  });

  it('never moves more than the need even when donors have plenty', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 10, 13, 1)],
        stock: [stock(NORTH, NAILS, 9), stock(MAIN, NAILS, 1000), stock(SOUTH, NAILS, 1000)],
      }),
    );
    expect(moved(plan)).toEqual([{ from: MAIN, to: NORTH, product: NAILS, quantity: 4 }]);
  });

  it('plans only the given target when one is named', () => {
    const input = network({
      rules: [rule(NORTH, NAILS, 10, 20), rule(SOUTH, NAILS, 10, 20)],
      stock: [stock(MAIN, NAILS, 100)],
    });
    expect(moved(planTransfers({ ...input, targetWarehouseId: SOUTH }))).toEqual([{ from: MAIN, to: SOUTH, product: NAILS, quantity: 20 }]);
    expect(planTransfers({ ...input, targetWarehouseId: null }).transferOrders).toHaveLength(2);
  });

  it('groups lines into one order per (donor, target)', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 5, 10), rule(NORTH, GLUE, 5, 10)],
        stock: [stock(MAIN, NAILS, 50), stock(MAIN, GLUE, 50)],
      }),
    );
    expect(plan.transferOrders).toHaveLength(1);
    expect(plan.transferOrders[0]?.lines.map((l) => l.productId)).toEqual([NAILS, GLUE].sort());
  });

  it('moves whole packs only; what no donor can give in whole packs is bought outside', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 10, 40, 6)],
        stock: [stock(NORTH, NAILS, 8), stock(MAIN, NAILS, 20), stock(SOUTH, NAILS, 17)],
      }),
    );
    // Need 36 = 6 packs; MAIN has 3 whole packs, SOUTH 2: the sixth pack is not split between them.
    expect(moved(plan)).toEqual([
      { from: MAIN, to: NORTH, product: NAILS, quantity: 18 },
      { from: SOUTH, to: NORTH, product: NAILS, quantity: 12 },
    ]);
    expect(plan.uncovered).toMatchObject([{ warehouseId: NORTH, productId: NAILS, quantity: 6, explanation: { covered: 30, need: 36 } }]);
  });

  it('keeps orders few: a donor already sending to a target is preferred when it can cover the rest alone', () => {
    const plan = planTransfers(
      network({
        rules: [rule(NORTH, NAILS, 5, 20), rule(NORTH, GLUE, 5, 20)],
        stock: [stock(MAIN, NAILS, 100), stock(MAIN, GLUE, 30), stock(SOUTH, GLUE, 50)],
      }),
    );
    // SOUTH has more glue, but MAIN already sends nails to NORTH and has the 20 glue too.
    expect(plan.transferOrders.map((o) => [o.sourceWarehouseId, o.targetWarehouseId, o.lines.length])).toEqual([[MAIN, NORTH, 2]]);
  });
});
