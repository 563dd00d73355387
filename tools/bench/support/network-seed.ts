/**
 * The planner bench's generated network (libs/replenishment's bench-network) as the sandbox's
 * seed: the same warehouses, products, norms and stock a run then reads over HTTP as 1С's.
 * Open orders are the hub's own, so a fresh database has none and the seed needs none.
 */
import type { SandboxSeed } from '../../../apps/sandbox/src/app';
// Test support of the planner's specs, not an entry of @hub/replenishment.
import { generateNetwork, type NetworkShape } from '../../../libs/replenishment/src/planner/testing/bench-network';

export function networkSeed(shape: NetworkShape): SandboxSeed {
  const network = generateNetwork(shape);
  const productIds = [...new Set(network.rules.map((rule) => rule.productId))];
  return {
    warehouses: network.warehouseIds.map((id, index) => ({ id, code: `W-${index + 1}`, name: `Warehouse ${index + 1}` })),
    products: productIds.map((id, index) => ({ id, sku: `SKU-${index + 1}`, name: `Product ${index + 1}`, unit: 'pcs' })),
    stock: network.stock.map(({ warehouseId, productId, onHand, reserved }) => ({ warehouseId, productId, onHand, reserved })),
    settings: network.rules.map(({ warehouseId, productId, min, max, multiple }) => ({ warehouseId, productId, min, max, multiple })),
  };
}
