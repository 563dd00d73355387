/**
 * P3 / P3b (the planner's part): planner-bench.ts (`npm run bench:planner`) in its own process,
 * bundled as the apps are (support/bundle.ts), so its peak RSS is the planner's alone. Whole:
 * the network generated and planned at once. Streamed: generated and planned about 10,000
 * rules at a time (planProductBatches), the same plan (plan-batches.spec.ts). The run end to
 * end (stock over HTTP, plan, write) is run-end-to-end.ts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { bundledForNode } from '../support/bundle';
import { round, type BenchLine } from '../support/lines';

const PLANNER_BENCH = 'tools/bench/planner-bench.ts';
/** A batch holds about this many rules (and as many stock rows): its products × the warehouses. */
const RULES_PER_BATCH = 10_000;
const productsPerBatch = (warehouses: number) => Math.max(1, Math.floor(RULES_PER_BATCH / warehouses));
const RSS_GOAL_MB = 300;

interface PlannerFigures {
  peakMb: number;
  seconds: number;
}

async function runPlannerBench(warehouses: number, skus: number, streamed: boolean): Promise<PlannerFigures> {
  const mode = streamed ? ['--batch', String(productsPerBatch(warehouses))] : ['--runs', '1'];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...(await bundledForNode(PLANNER_BENCH)), '--warehouses', String(warehouses), '--skus', String(skus), ...mode],
    {
      maxBuffer: 1 << 20,
    },
  );
  const peak = /peak rss (\d+) MiB/.exec(stdout)?.[1];
  const ms = (streamed ? /^planProductBatches: (\d+) ms/m : /^planTransfers: median (\d+) ms/m).exec(stdout)?.[1];
  if (peak === undefined || ms === undefined) throw new Error(`bench:planner printed no peak RSS or timing:\n${stdout}`);
  return { peakMb: (Number(peak) * 2 ** 20) / 1e6, seconds: Number(ms) / 1000 };
}

const rules = (warehouses: number, skus: number) => `${warehouses} × ${skus.toLocaleString('en')} (${(warehouses * skus).toLocaleString('en')} rules)`;

function rssLine(id: string, what: string, figures: PlannerFigures, note: string): BenchLine {
  return {
    id,
    what,
    figure: round(figures.peakMb),
    unit: 'MB',
    floor: null,
    ratio: null,
    goal: `peak RSS ≤ ${RSS_GOAL_MB} MB`,
    pass: figures.peakMb <= RSS_GOAL_MB,
    note,
  };
}

export async function measurePlanner(options: { whole: boolean; largeWarehouses: number; largeSkus: number }): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  if (options.whole) {
    const whole = await runPlannerBench(200, 5000, false);
    lines.push(
      rssLine(
        'P3',
        `planTransfers, whole network in memory (runs plan by product batches), ${rules(200, 5000)}`,
        whole,
        `planTransfers ${round(whole.seconds)} s`,
      ),
    );
  }
  const streamed = await runPlannerBench(200, 5000, true);
  lines.push(
    rssLine('P3', `planner streamed ${productsPerBatch(200)} products a batch, ${rules(200, 5000)}`, streamed, `generate + plan ${round(streamed.seconds)} s`),
  );
  const large = await runPlannerBench(options.largeWarehouses, options.largeSkus, true);
  const fullSize = options.largeWarehouses === 1000 && options.largeSkus === 5000;
  const timeRatio = large.seconds / streamed.seconds;
  lines.push({
    ...rssLine(
      'P3b',
      `planner streamed ${productsPerBatch(options.largeWarehouses)} products a batch, ${rules(options.largeWarehouses, options.largeSkus)}`,
      large,
      '',
    ),
    ratio: round(timeRatio),
    goal: `peak RSS ≤ ${RSS_GOAL_MB} MB${fullSize ? ', time ≤ 6× P3' : ''}`,
    pass: large.peakMb <= RSS_GOAL_MB && (!fullSize || timeRatio <= 6),
    note: `generate + plan ${round(large.seconds)} s (ratio: time ÷ the streamed 200 × 5,000)${fullSize ? '' : '; --quick: 1,000 × 1,000 instead of 1,000 × 5,000'}`,
  });
  return lines;
}
