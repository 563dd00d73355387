import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTransfers } from './plan-transfers';
import { movesOf, planningInput, shuffled, totals, withPlanOrdered } from './testing/planning-network';
import type { LineExplanation, Plan, PlanningInput } from './types';

// Small networks make each run take a millisecond or two; 300 runs cover the odd corners.
const RUNS = { numRuns: 300 };
const key = (warehouseId: string, productId: string) => `${warehouseId}|${productId}`;

/** What each own warehouse may give, computed from the input by the book: on hand − reserved − outbound − own min. */
function surplusByHand(input: PlanningInput): Map<string, number> {
  const outbound = totals(input.outbound);
  const surplus = new Map<string, number>();
  for (const s of input.stock) {
    if (!input.warehouseIds.includes(s.warehouseId)) continue;
    const min = input.rules.find((r) => r.warehouseId === s.warehouseId && r.productId === s.productId)?.min ?? 0;
    surplus.set(key(s.warehouseId, s.productId), Math.max(0, s.onHand - s.reserved - (outbound.get(key(s.warehouseId, s.productId)) ?? 0) - min));
  }
  return surplus;
}

/** Every need's explanation as its lines tell it, keyed by (target, product). */
function explanations(plan: Plan): Map<string, LineExplanation> {
  const found = new Map<string, LineExplanation>();
  for (const order of plan.transferOrders) for (const line of order.lines) found.set(key(order.targetWarehouseId, line.productId), line.explanation);
  for (const line of plan.uncovered) found.set(key(line.warehouseId, line.productId), line.explanation);
  return found;
}

describe('planTransfers properties', () => {
  it('never takes a donor below its own min', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const surplus = surplusByHand(input);
        const given = totals(movesOf(planTransfers(input)).map((m) => ({ warehouseId: m.from, productId: m.productId, quantity: m.quantity })));
        for (const [pair, quantity] of given) expect(quantity).toBeLessThanOrEqual(surplus.get(pair) ?? 0);
      }),
      RUNS,
    );
  });

  it('gives no target more than its need, and need = moved + uncovered for every (target, product)', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const plan = planTransfers(input);
        const received = totals(movesOf(plan).map((m) => ({ warehouseId: m.to, productId: m.productId, quantity: m.quantity })));
        const uncovered = totals(plan.uncovered);
        const needs = new Map(plan.needs.map((n) => [key(n.warehouseId, n.productId), n.explanation.need]));
        for (const pair of [...received.keys(), ...uncovered.keys()]) expect(needs.has(pair)).toBe(true);
        for (const [pair, need] of needs) {
          expect(received.get(pair) ?? 0).toBeLessThanOrEqual(need);
          expect((received.get(pair) ?? 0) + (uncovered.get(pair) ?? 0)).toBe(need);
        }
      }),
      RUNS,
    );
  });

  it('moves no more than the donors have in total, product by product', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const surplus = totals([...surplusByHand(input)].map(([pair, quantity]) => ({ warehouseId: '', productId: pair.split('|')[1]!, quantity })));
        const moved = totals(movesOf(planTransfers(input)).map((m) => ({ warehouseId: '', productId: m.productId, quantity: m.quantity })));
        for (const [product, quantity] of moved) expect(quantity).toBeLessThanOrEqual(surplus.get(product) ?? 0);
      }),
      RUNS,
    );
  });

  it('plans only positive whole multiples, one order per (donor, target), never a warehouse to itself', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const plan = planTransfers(input);
        const lines = [...plan.transferOrders.flatMap((o) => o.lines), ...plan.uncovered];
        for (const { quantity, explanation } of lines) {
          expect(quantity).toBeGreaterThan(0);
          expect(quantity % explanation.multiple).toBe(0);
        }
        const pairs = plan.transferOrders.map((o) => `${o.sourceWarehouseId}>${o.targetWarehouseId}`);
        expect(new Set(pairs).size).toBe(pairs.length);
        for (const order of plan.transferOrders) {
          expect(order.sourceWarehouseId).not.toBe(order.targetWarehouseId);
          expect(order.lines.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('gives the same plan whatever the order of its input', () => {
    fc.assert(
      fc.property(planningInput, fc.integer({ min: 1 }), (input, seed) => {
        const reordered = {
          ...input,
          warehouseIds: shuffled(input.warehouseIds, seed),
          rules: shuffled(input.rules, seed + 1),
          stock: shuffled(input.stock, seed + 2),
          inbound: shuffled(input.inbound, seed + 3),
          outbound: shuffled(input.outbound, seed + 4),
        };
        expect(planTransfers(reordered)).toEqual(planTransfers(input));
      }),
      RUNS,
    );
  });

  it('plans nothing new once its own orders exist', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const again = planTransfers(withPlanOrdered(input, planTransfers(input)));
        expect(again).toEqual({ needs: [], transferOrders: [], uncovered: [] });
      }),
      RUNS,
    );
  });

  it('shares fairly: every target gets its quota or one pack more, and nothing movable stays while a target is short', () => {
    fc.assert(
      fc.property(planningInput, (input) => {
        const plan = planTransfers(input);
        const remaining = surplusByHand(input);
        for (const m of movesOf(plan)) remaining.set(key(m.from, m.productId), remaining.get(key(m.from, m.productId))! - m.quantity);
        const explained = explanations(plan);
        for (const need of plan.needs) {
          const e = explained.get(key(need.warehouseId, need.productId))!;
          const sameProduct = plan.needs.filter((n) => n.productId === need.productId);
          const oneMultiple = sameProduct.every((n) => n.explanation.multiple === e.multiple);
          const expectedQuota = e.totalSurplus >= e.totalNeed ? e.need : Math.floor((e.totalSurplus * e.need) / (e.totalNeed * e.multiple)) * e.multiple;
          expect(e.fairQuota).toBe(expectedQuota);
          expect(e.totalNeed).toBe(sameProduct.reduce((sum, n) => sum + n.explanation.need, 0));
          expect(e.share).toBeCloseTo(e.covered / e.need, 12);
          if (oneMultiple) expect(e.covered - e.fairQuota === 0 || e.covered - e.fairQuota === e.multiple).toBe(true);
          if (e.covered < e.need) {
            for (const [pair, left] of remaining)
              if (pair.endsWith(`|${need.productId}`) && !pair.startsWith(`${need.warehouseId}|`)) expect(left).toBeLessThan(e.multiple);
          }
        }
      }),
      RUNS,
    );
  });
});
