import { describe, expect, it } from 'vitest';
import { computeNeed } from './position';
import { planTransfers } from './plan-transfers';
import type { Plan, PlanningInput, PlanningRule, PlanningStock } from './types';

// Readable stand-ins for hub uuids; the planner only compares them.
const [MAIN, NORTH, SOUTH, EAST] = ['w1-main', 'w2-north', 'w3-south', 'w4-east'] as const;
const [NAILS, GLUE] = ['p1-nails', 'p2-glue'] as const;

const rule = (warehouseId: string, productId: string, min: number, max: number, multiple = 1): PlanningRule => ({
  warehouseId, productId, min, max, multiple,
});
const stock = (warehouseId: string, productId: string, onHand: number, reserved = 0): PlanningStock => ({
  warehouseId, productId, onHand, reserved,
});
const network = (parts: Partial<PlanningInput>): PlanningInput => ({
  warehouseIds: [MAIN, NORTH, SOUTH, EAST], rules: [], stock: [], inbound: [], outbound: [], ...parts,
});
const moved = (plan: Plan) =>
  plan.transferOrders.flatMap((o) => o.lines.map((l) => ({ from: o.sourceWarehouseId, to: o.targetWarehouseId, product: l.productId, quantity: l.quantity })));

describe('computeNeed', () => {
  it('Odoo example: min 10, max 40, multiple 6, position 8 → 36', () => {
    expect(computeNeed(8, { min: 10, max: 40, multiple: 6 })).toBe(36);
  });

  it('asks nothing at or above min', () => {
    expect(computeNeed(10, { min: 10, max: 40, multiple: 6 })).toBe(0);
  });

  it('counts a negative position in full', () => {
    expect(computeNeed(-5, { min: 0, max: 10, multiple: 5 })).toBe(15);
  });
});

describe('planTransfers', () => {
  it('brings a target back to max from a donor and explains the line', () => {
    const plan = planTransfers(network({
      rules: [rule(NORTH, NAILS, 10, 40, 6), rule(MAIN, NAILS, 20, 100)],
      stock: [stock(NORTH, NAILS, 12, 4), stock(MAIN, NAILS, 100, 10)],
    }));
    expect(plan.transferOrders).toEqual([{
      sourceWarehouseId: MAIN, targetWarehouseId: NORTH,
      lines: [{ productId: NAILS, quantity: 36, explanation: {
        onHand: 12, reserved: 4, inbound: 0, position: 8, min: 10, max: 40, multiple: 6, need: 36, donorSurplus: 70, allocated: 36,
      } }],
    }]);
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
    const plan = planTransfers(network({
      rules: [rule(NORTH, NAILS, 10, 50), rule(MAIN, NAILS, 30, 60)],
      stock: [stock(MAIN, NAILS, 35, 2), stock(SOUTH, NAILS, 4)],
    }));
    // MAIN: 35 − 2 − 30 = 3 to spare; SOUTH has no rule: all 4.
    expect(moved(plan)).toEqual([
      { from: MAIN, to: NORTH, product: NAILS, quantity: 3 },
      { from: SOUTH, to: NORTH, product: NAILS, quantity: 4 },
    ]);
    expect(plan.uncovered).toMatchObject([{ warehouseId: NORTH, productId: NAILS, quantity: 43 }]);
  });

  it('under scarcity gives out all surplus once, and reports the rest as uncovered', () => {
    const plan = planTransfers(network({
      rules: [rule(NORTH, GLUE, 5, 20), rule(SOUTH, GLUE, 5, 20), rule(EAST, GLUE, 5, 20)],
      stock: [stock(MAIN, GLUE, 25)],
    }));
    const lines = moved(plan);
    expect(lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(25);
    const uncovered = plan.uncovered.reduce((sum, l) => sum + l.quantity, 0);
    expect(uncovered).toBe(60 - 25);
    for (const target of [NORTH, SOUTH, EAST]) {
      const got = lines.filter((l) => l.to === target).reduce((sum, l) => sum + l.quantity, 0);
      const missing = plan.uncovered.find((u) => u.warehouseId === target)?.quantity ?? 0;
      expect(got + missing).toBe(20);
    }
  });

  it('never moves more than the need even when donors have plenty', () => {
    const plan = planTransfers(network({
      rules: [rule(NORTH, NAILS, 10, 13, 1)],
      stock: [stock(NORTH, NAILS, 9), stock(MAIN, NAILS, 1000), stock(SOUTH, NAILS, 1000)],
    }));
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
    const plan = planTransfers(network({
      rules: [rule(NORTH, NAILS, 5, 10), rule(NORTH, GLUE, 5, 10)],
      stock: [stock(MAIN, NAILS, 50), stock(MAIN, GLUE, 50)],
    }));
    expect(plan.transferOrders).toHaveLength(1);
    expect(plan.transferOrders[0]?.lines.map((l) => l.productId)).toEqual([NAILS, GLUE].sort());
  });

  it('gives the same plan whatever the order of its input', () => {
    const input = network({
      rules: [rule(NORTH, NAILS, 10, 40, 6), rule(SOUTH, NAILS, 10, 30), rule(EAST, GLUE, 3, 9, 3), rule(MAIN, NAILS, 5, 50), rule(SOUTH, GLUE, 4, 8)],
      stock: [stock(MAIN, NAILS, 40, 3), stock(EAST, NAILS, 22), stock(NORTH, NAILS, 2), stock(MAIN, GLUE, 7), stock(NORTH, GLUE, 5, 1)],
      inbound: [{ warehouseId: SOUTH, productId: NAILS, quantity: 4 }],
      outbound: [{ warehouseId: MAIN, productId: NAILS, quantity: 4 }, { warehouseId: EAST, productId: NAILS, quantity: 2 }],
    });
    const expected = planTransfers(input);
    expect(expected.transferOrders.length).toBeGreaterThan(1);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const shuffle = <T>(items: readonly T[]): T[] => [...items].map((item) => ({ item, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.item);
    for (let round = 0; round < 20; round++) {
      const shuffled = {
        ...input, warehouseIds: shuffle(input.warehouseIds), rules: shuffle(input.rules), stock: shuffle(input.stock),
        inbound: shuffle(input.inbound), outbound: shuffle(input.outbound),
      };
      expect(planTransfers(shuffled)).toEqual(expected);
    }
  });
});
