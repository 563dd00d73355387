/** Test support for the planner's property specs: small random networks and plan bookkeeping. */
import fc from 'fast-check';
import type { OpenQuantity, Plan, PlanningInput, PlanningRule, PlanningStock } from '../types';

const WAREHOUSES = ['w-a', 'w-b', 'w-c', 'w-d', 'w-e'] as const;
const PRODUCTS = ['p-1', 'p-2', 'p-3'] as const;

const pairs = WAREHOUSES.flatMap((warehouseId) => PRODUCTS.map((productId) => ({ warehouseId, productId })));

type Pair = (typeof pairs)[number];

/** Mostly the product's pack size, now and then another: mixed multiples must stay correct too. */
const ruleFor = (pair: Pair, productMultiple: number) =>
  fc
    .record({
      min: fc.nat(15),
      span: fc.integer({ min: -4, max: 30 }), // now and then a max below min, which reads as min
      multiple: fc.oneof({ arbitrary: fc.constant(productMultiple), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 6 }), weight: 1 }),
    })
    .map(({ min, span, multiple }): PlanningRule => ({ ...pair, min, max: min + span, multiple }));

const stockFor = (pair: Pair) => fc.record({ onHand: fc.integer({ min: -3, max: 80 }), reserved: fc.nat(10) }).map((s): PlanningStock => ({ ...pair, ...s }));

const openFor = (pair: Pair) => fc.integer({ min: 1, max: 20 }).map((quantity): OpenQuantity => ({ ...pair, quantity }));

/** A row for each (warehouse, product) with the given chance. */
const someRows = <T>(make: (pair: Pair) => fc.Arbitrary<T>, chance: number) =>
  fc
    .tuple(
      ...pairs.map((pair) =>
        fc.oneof({ arbitrary: make(pair), weight: Math.round(chance * 100) }, { arbitrary: fc.constant(null), weight: Math.round((1 - chance) * 100) }),
      ),
    )
    .map((rows) => rows.filter((row): row is T => row !== null));

const productMultiples = fc.tuple(...PRODUCTS.map(() => fc.integer({ min: 1, max: 6 })));

/** 2–5 own warehouses, up to 3 products, every number small, so a property runs in milliseconds. */
export const planningInput: fc.Arbitrary<PlanningInput> = productMultiples.chain((multiples) =>
  fc
    .record({
      warehouseCount: fc.integer({ min: 2, max: WAREHOUSES.length }),
      rules: someRows((pair) => ruleFor(pair, multiples[PRODUCTS.indexOf(pair.productId)] ?? 1), 0.7),
      stock: someRows(stockFor, 0.7),
      inbound: someRows(openFor, 0.15),
      outbound: someRows(openFor, 0.15),
      target: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...WAREHOUSES), weight: 1 }),
    })
    .map(({ warehouseCount, target, ...rows }): PlanningInput => ({ warehouseIds: WAREHOUSES.slice(0, warehouseCount), targetWarehouseId: target, ...rows })),
);

/** A seeded Fisher–Yates shuffle, so a failing case replays exactly. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0 || 1;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface Move {
  from: string;
  to: string;
  productId: string;
  quantity: number;
}

export function movesOf(plan: Plan): Move[] {
  return plan.transferOrders.flatMap((order) =>
    order.lines.map((line) => ({ from: order.sourceWarehouseId, to: order.targetWarehouseId, productId: line.productId, quantity: line.quantity })),
  );
}

/** Sums quantities per "warehouse|product". */
export function totals(rows: readonly { warehouseId: string; productId: string; quantity: number }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(`${row.warehouseId}|${row.productId}`, (sums.get(`${row.warehouseId}|${row.productId}`) ?? 0) + row.quantity);
  return sums;
}

/**
 * The input a second run would read once this plan's orders exist: transfers arrive at
 * their targets and leave their donors; outside orders arrive at their targets.
 */
export function withPlanOrdered(input: PlanningInput, plan: Plan): PlanningInput {
  const moves = movesOf(plan);
  return {
    ...input,
    inbound: [
      ...input.inbound,
      ...moves.map((m) => ({ warehouseId: m.to, productId: m.productId, quantity: m.quantity })),
      ...plan.uncovered.map((u) => ({ warehouseId: u.warehouseId, productId: u.productId, quantity: u.quantity })),
    ],
    outbound: [...input.outbound, ...moves.map((m) => ({ warehouseId: m.from, productId: m.productId, quantity: m.quantity }))],
  };
}
