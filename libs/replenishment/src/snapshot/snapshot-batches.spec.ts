/** Planning a snapshot a product batch at a time gives exactly planTransfers' plan of the whole network. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTransfers } from '../planner/plan-transfers';
import { generateNetwork } from '../planner/testing/bench-network';
import { planningInput, shuffled } from '../planner/testing/planning-network';
import type { PlanningInput } from '../planner/types';
import type { PlanningSnapshot } from './planning-snapshot';
import { planSnapshot, snapshotProductBatches } from './snapshot-batches';
import { RULE_FIELDS, SnapshotProducts, SnapshotRows, STOCK_FIELDS } from './snapshot-columns';

/** The snapshot a run would read of `input`'s rows, copied in shuffled, so products are numbered out of id order. */
function snapshotOf(input: PlanningInput, seed: number): PlanningSnapshot {
  const warehouses = input.warehouseIds.map((id) => ({ id, code: `code-${id}`, name: `name-${id}` }));
  const warehouseOf = new Map(input.warehouseIds.map((id, index) => [id, index]));
  const products = new SnapshotProducts();
  const rules = new SnapshotRows(RULE_FIELDS);
  const stock = new SnapshotRows(STOCK_FIELDS);
  for (const rule of shuffled(input.rules, seed)) rules.push(warehouseOf.get(rule.warehouseId)!, products.named(rule.productId, `SKU-${rule.productId}`), rule);
  for (const row of shuffled(input.stock, seed + 1)) stock.push(warehouseOf.get(row.warehouseId)!, products.named(row.productId, `SKU-${row.productId}`), row);
  return { warehouses, products, rules, stock: { rows: stock, lines: stock.length }, sentOrders: [] };
}

/** 1С answers only for the warehouses it lists: their norms and stock. */
function ownRowsOnly(input: PlanningInput): PlanningInput {
  const own = new Set(input.warehouseIds);
  return { ...input, rules: input.rules.filter((r) => own.has(r.warehouseId)), stock: input.stock.filter((s) => own.has(s.warehouseId)) };
}

describe('planSnapshot', () => {
  it('plans random networks exactly as planTransfers plans them whole', async () => {
    await fc.assert(
      fc.asyncProperty(planningInput.map(ownRowsOnly), fc.integer({ min: 1 }), async (input, seed) => {
        const open = { inbound: input.inbound, outbound: input.outbound };
        expect(await planSnapshot(snapshotOf(input, seed), open, input.targetWarehouseId ?? null)).toEqual(planTransfers(input));
      }),
      { numRuns: 200 },
    );
  });

  it('plans the bench network, in batches, exactly as planTransfers plans it whole', async () => {
    const whole = generateNetwork({ warehouses: 60, skus: 400, seed: 42 });
    const expected = planTransfers(whole);
    // Not a trivial plan: orders across many (donor, target) pairs, need no donor covers, open orders counted.
    expect(expected.transferOrders.length).toBeGreaterThan(50);
    expect(expected.uncovered.length).toBeGreaterThan(50);
    expect(whole.inbound.length + whole.outbound.length).toBeGreaterThan(50);
    const open = { inbound: whole.inbound, outbound: whole.outbound };
    // Batches take the snapshot's rows: each use reads a snapshot of its own.
    expect([...snapshotProductBatches(snapshotOf(whole, 3), open, 50)].length).toBe(8);
    expect(await planSnapshot(snapshotOf(whole, 3), open, null)).toEqual(expected);
  });

  it('plans one target warehouse only, as planTransfers does', async () => {
    const whole = generateNetwork({ warehouses: 20, skus: 150, seed: 7 });
    const targetWarehouseId = whole.warehouseIds[5]!;
    const expected = planTransfers({ ...whole, targetWarehouseId });
    expect(expected.needs.length).toBeGreaterThan(0);
    expect(await planSnapshot(snapshotOf(whole, 5), { inbound: whole.inbound, outbound: whole.outbound }, targetWarehouseId)).toEqual(expected);
  });
});
