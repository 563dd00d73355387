/**
 * `npm run bench:planner`: times planTransfers on a generated network (default 200
 * warehouses × 5,000 SKUs = 1,000,000 rules) and prints the median of a few runs, what
 * was planned and the memory used. Options: --warehouses, --skus, --runs, --seed.
 * `--batch N` instead generates and plans the network N products at a time
 * (planProductBatches), keeping only counts of each batch's plan: the memory a streamed plan
 * needs. A benchmark, not a test: it prints figures and asserts nothing about them.
 */
import { parseArgs } from 'node:util';
import { planProductBatches, planTransfers, type Plan } from '@hub/replenishment';
// Not an entry of @hub/replenishment: the generator is test support, shared with the planner's specs.
import { generateNetwork, generateNetworkBatches, networkIds } from '../../libs/replenishment/src/planner/testing/bench-network';

const { values } = parseArgs({
  options: {
    warehouses: { type: 'string', default: '200' },
    skus: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    batch: { type: 'string' },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer, got "${text}"`);
    process.exit(2);
  }
  return value;
}

const shape = {
  warehouses: positiveInteger('warehouses', values.warehouses),
  skus: positiveInteger('skus', values.skus),
  seed: positiveInteger('seed', values.seed),
};
const runs = positiveInteger('runs', values.runs);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

if (values.batch === undefined) planWhole();
else {
  streamed(positiveInteger('batch', values.batch)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/** Generates and plans the network batch by batch, keeping counts only. */
async function streamed(productsPerBatch: number): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const counts = { needs: 0, orders: 0, lines: 0, uncovered: 0, batches: 0 };
  const { warehouseIds } = networkIds(shape);
  // Which (source, target) pairs have an order yet: one byte a pair, as a writer would keep them.
  const indexOf = new Map(warehouseIds.map((id, index) => [id, index]));
  const ordered = new Uint8Array(warehouseIds.length * warehouseIds.length);
  // The bench network's rules name own warehouses only.
  for await (const plan of planProductBatches({ warehouseIds }, generateNetworkBatches(shape, productsPerBatch))) {
    counts.batches += 1;
    counts.needs += plan.needs.length;
    counts.uncovered += plan.uncovered.length;
    for (const order of plan.transferOrders) {
      const pair = indexOf.get(order.sourceWarehouseId)! * warehouseIds.length + indexOf.get(order.targetWarehouseId)!;
      if (ordered[pair] === 0) counts.orders += 1;
      ordered[pair] = 1;
      counts.lines += order.lines.length;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    `network: ${shape.warehouses} warehouses × ${shape.skus} SKUs (seed ${shape.seed}), generated and planned ${productsPerBatch} products at a time`,
  );
  console.log(
    `planProductBatches: ${(performance.now() - started).toFixed(0)} ms for ${counts.batches} batches, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
  );
  console.log(`plan: ${counts.needs} needs, ${counts.orders} transfer orders, ${counts.lines} lines, ${counts.uncovered} uncovered lines`);
  const memory = process.memoryUsage();
  console.log(`memory: heap ${mib(memory.heapUsed)}, rss ${mib(memory.rss)}, peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

/** Generates the whole network, then plans it `runs` times. */
function planWhole(): void {
  let started = performance.now();
  const input = generateNetwork(shape);
  console.log(
    `network: ${shape.warehouses} warehouses × ${shape.skus} SKUs (seed ${shape.seed}): ` +
      `${input.rules.length} rules, ${input.stock.length} stock rows, ${input.inbound.length} inbound, ${input.outbound.length} outbound ` +
      `(generated in ${(performance.now() - started).toFixed(0)} ms)`,
  );
  const heapBefore = process.memoryUsage().heapUsed;

  const timings: number[] = [];
  const cpuTimings: number[] = [];
  let plan: Plan | undefined;
  for (let run = 0; run < runs; run++) {
    plan = undefined;
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    plan = planTransfers(input);
    timings.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimings.push((cpu.user + cpu.system) / 1000);
  }
  if (!plan) throw new Error('no run was made');

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const lines = plan.transferOrders.reduce((sum, order) => sum + order.lines.length, 0);
  const unitsMoved = plan.transferOrders.reduce((sum, order) => sum + order.lines.reduce((s, l) => s + l.quantity, 0), 0);
  const unitsUncovered = plan.uncovered.reduce((sum, line) => sum + line.quantity, 0);
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
  console.log(
    `planTransfers: median ${median(timings).toFixed(0)} ms of ${runs} runs (${timings.map((t) => t.toFixed(0)).join(', ')} ms), ` +
      `CPU ${median(cpuTimings).toFixed(0)} ms`,
  );
  console.log(
    `plan: ${plan.needs.length} needs, ${plan.transferOrders.length} transfer orders, ${lines} lines (${unitsMoved} units), ` +
      `${plan.uncovered.length} uncovered lines (${unitsUncovered} units)`,
  );
  const memory = process.memoryUsage();
  console.log(
    `memory: heap ${mib(memory.heapUsed)} (input ${mib(heapBefore)}), rss ${mib(memory.rss)}, peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
}
