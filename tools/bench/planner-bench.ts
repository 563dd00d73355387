/**
 * `npm run bench:planner`: times planTransfers on a generated network (default 200
 * warehouses × 5,000 SKUs = 1,000,000 rules) and prints the median of a few runs, what
 * was planned and the memory used. Options: --warehouses, --skus, --runs, --seed.
 * A benchmark, not a test: it prints figures and asserts nothing about them.
 */
import { parseArgs } from 'node:util';
import { planTransfers, type Plan } from '@hub/replenishment';
import { generateNetwork } from './planner-network';

const { values } = parseArgs({
  options: {
    warehouses: { type: 'string', default: '200' },
    skus: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
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

let started = performance.now();
const input = generateNetwork(shape);
console.log(`network: ${shape.warehouses} warehouses × ${shape.skus} SKUs (seed ${shape.seed}): ` +
  `${input.rules.length} rules, ${input.stock.length} stock rows, ${input.inbound.length} inbound, ${input.outbound.length} outbound ` +
  `(generated in ${(performance.now() - started).toFixed(0)} ms)`);
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
console.log(`planTransfers: median ${median(timings).toFixed(0)} ms of ${runs} runs (${timings.map((t) => t.toFixed(0)).join(', ')} ms), ` +
  `CPU ${median(cpuTimings).toFixed(0)} ms`);
console.log(`plan: ${plan.needs.length} needs, ${plan.transferOrders.length} transfer orders, ${lines} lines (${unitsMoved} units), ` +
  `${plan.uncovered.length} uncovered lines (${unitsUncovered} units)`);
const memory = process.memoryUsage();
console.log(`memory: heap ${mib(memory.heapUsed)} (input ${mib(heapBefore)}), rss ${mib(memory.rss)}, peak rss ${mib(process.resourceUsage().maxRSS * 1024)}`);
