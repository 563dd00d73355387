/** Planning a network a batch of products at a time gives exactly the plan of the whole network. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePlans, planProductBatches, splitIntoProductBatches, type ProductBatch } from './plan-batches';
import { planTransfers } from './plan-transfers';
import { generateNetwork, generateNetworkBatches } from './testing/bench-network';
import { planningInput } from './testing/planning-network';
import type { Plan, PlanningInput } from './types';

async function planInBatches(input: PlanningInput, batches: Iterable<ProductBatch>): Promise<Plan> {
  const plans: Plan[] = [];
  const network = { ...input, namedWarehouseIds: input.rules.map((rule) => rule.warehouseId) };
  for await (const plan of planProductBatches(network, batches)) plans.push(plan);
  return mergePlans(plans);
}

describe('planProductBatches', () => {
  it('plans random networks, cut into batches of any size, exactly as planTransfers does', async () => {
    await fc.assert(
      fc.asyncProperty(planningInput, fc.integer({ min: 1, max: 4 }), async (input, productsPerBatch) => {
        expect(await planInBatches(input, splitIntoProductBatches(input, productsPerBatch))).toEqual(planTransfers(input));
      }),
      { numRuns: 200 },
    );
  });

  it('plans the bench network, generated 37 products at a time, exactly as planTransfers plans it whole', async () => {
    const shape = { warehouses: 60, skus: 400, seed: 42 };
    const whole = generateNetwork(shape);
    const expected = planTransfers(whole);
    // Not a trivial plan: orders across many (donor, target) pairs, and need no donor covers.
    expect(expected.transferOrders.length).toBeGreaterThan(50);
    expect(expected.uncovered.length).toBeGreaterThan(50);
    expect(await planInBatches(whole, generateNetworkBatches(shape, 37))).toEqual(expected);
  });

  it('plans one target warehouse only, batch by batch, as planTransfers does', async () => {
    const whole = generateNetwork({ warehouses: 20, skus: 150, seed: 7 });
    const target = { ...whole, targetWarehouseId: whole.warehouseIds[5]! };
    const expected = planTransfers(target);
    expect(expected.needs.length).toBeGreaterThan(0);
    expect(await planInBatches(target, splitIntoProductBatches(target, 16))).toEqual(expected);
  });
});
