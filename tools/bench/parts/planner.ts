/**
 * P3 (planner memory): `npm run bench:planner` on the 200-warehouse × 5,000-SKU network, one
 * run, in its own process (so its peak RSS is the planner's alone). The P3 figure (a
 * run end to end over HTTP against reading + COPY) is not measured yet; this line is the
 * memory bound the streaming planner must meet.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { round, type BenchLine } from '../support/lines';

const PLANNER_BENCH = new URL('../planner-bench.ts', import.meta.url).pathname;

export async function measurePlannerMemory(warehouses: number, skus: number): Promise<BenchLine[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', PLANNER_BENCH, '--warehouses', String(warehouses), '--skus', String(skus), '--runs', '1'], {
    maxBuffer: 1 << 20,
  });
  const peak = /peak rss (\d+) MiB/.exec(stdout)?.[1];
  const median = /^planTransfers: median (\d+) ms/m.exec(stdout)?.[1];
  if (peak === undefined || median === undefined) throw new Error(`bench:planner printed no peak RSS or timing:\n${stdout}`);
  const peakMb = (Number(peak) * 2 ** 20) / 1e6;
  return [
    {
      id: 'P3',
      what: `planner peak RSS, ${warehouses} × ${skus.toLocaleString('en')} (${(warehouses * skus).toLocaleString('en')} rules)`,
      figure: round(peakMb),
      unit: 'MB',
      floor: null,
      ratio: null,
      goal: '≤ 300 MB',
      pass: peakMb <= 300,
      note: `bench:planner, planTransfers ${median} ms; the whole network in memory`,
    },
  ];
}
