import { describe, expect, it } from 'vitest';
import { DuplicatePlanningRowError } from './errors';
import { planTransfers } from './plan-transfers';
import { EAST, GLUE, MAIN, NAILS, NORTH, SOUTH, network, rule, stock } from './testing/small-network';

describe('planTransfers: its input', () => {
  it('gives the same plan whatever the order of its input', () => {
    const input = network({
      rules: [rule(NORTH, NAILS, 10, 40, 6), rule(SOUTH, NAILS, 10, 30), rule(EAST, GLUE, 3, 9, 3), rule(MAIN, NAILS, 5, 50), rule(SOUTH, GLUE, 4, 8)],
      stock: [stock(MAIN, NAILS, 40, 3), stock(EAST, NAILS, 22), stock(NORTH, NAILS, 2), stock(MAIN, GLUE, 7), stock(NORTH, GLUE, 5, 1)],
      inbound: [{ warehouseId: SOUTH, productId: NAILS, quantity: 4 }],
      outbound: [
        { warehouseId: MAIN, productId: NAILS, quantity: 4 },
        { warehouseId: EAST, productId: NAILS, quantity: 2 },
      ],
    });
    const expected = planTransfers(input);
    expect(expected.transferOrders.length).toBeGreaterThan(1);
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const shuffle = <T>(items: readonly T[]): T[] =>
      [...items]
        .map((item) => ({ item, r: random() }))
        .sort((a, b) => a.r - b.r)
        .map((x) => x.item);
    for (let round = 0; round < 20; round++) {
      const shuffled = {
        ...input,
        warehouseIds: shuffle(input.warehouseIds),
        rules: shuffle(input.rules),
        stock: shuffle(input.stock),
        inbound: shuffle(input.inbound),
        outbound: shuffle(input.outbound),
      };
      expect(planTransfers(shuffled)).toEqual(expected);
    }
  });

  it('plans nothing for a target warehouse it does not know', () => {
    const input = network({ rules: [rule(NORTH, NAILS, 10, 20)], stock: [stock(MAIN, NAILS, 100)] });
    expect(planTransfers({ ...input, targetWarehouseId: 'w9-unknown' })).toEqual({ needs: [], transferOrders: [], uncovered: [] });
  });

  it('refuses two rules or two stock rows for one (warehouse, product), naming them', () => {
    const twice = network({ rules: [rule(NORTH, NAILS, 10, 20), rule(NORTH, NAILS, 5, 30)] });
    expect(() => planTransfers(twice)).toThrow(DuplicatePlanningRowError);
    expect(() => planTransfers(twice)).toThrow(`Two rule rows for warehouse ${NORTH}, product ${NAILS}`);
    const stockTwice = network({ rules: [rule(NORTH, NAILS, 10, 20)], stock: [stock(MAIN, NAILS, 5), stock(MAIN, NAILS, 7)] });
    expect(() => planTransfers(stockTwice)).toThrow(`Two stock rows for warehouse ${MAIN}, product ${NAILS}`);
  });
});
