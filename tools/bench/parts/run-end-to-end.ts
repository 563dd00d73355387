/**
 * P3 end to end: one replenishment run on a fresh database against the sandbox seeded with the
 * bench network (200 warehouses × 5,000 SKUs): stock and norms from the sandbox over HTTP, plan,
 * orders, lines and outbox events written — through startReplenishmentRun, as the api and the
 * scheduler call it, in its own process (run/replenishment-run.ts, bundled as the apps are:
 * support/bundle.ts) so its peak RSS is the run's.
 * Floor, in the same bench run: the same stock read over HTTP by the same client, then `COPY`
 * of the very rows the run wrote (orders, lines, events) into the same tables of another fresh
 * database (see run-floor.ts).
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { REPO_ROOT, spawnApp, stopChild, waitForLine } from '../../../libs/testing/src/app-process';
import { round, type BenchLine } from '../support/lines';
import { bundledForNode } from '../support/bundle';
import { withScratchDatabase } from '../support/scratch';
import { measureRunFloor } from './run-floor';

const RUN_MAIN = 'tools/bench/run/replenishment-run.ts';
const SANDBOX_MAIN = 'tools/bench/run/network-sandbox.ts';
const TIME_GOAL = 3;
const RSS_GOAL_MB = 300;

interface RunFigures {
  runId: string;
  seconds: number;
  peakRssMb: number;
  atPeakMb: { heapUsed: number; external: number };
  outcome: { status: 'succeeded'; counts: Record<string, number> } | { status: 'failed'; error: string };
}

async function startNetworkSandbox(warehouses: number, skus: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawnApp(SANDBOX_MAIN, { BENCH_NETWORK_WAREHOUSES: String(warehouses), BENCH_NETWORK_SKUS: String(skus) });
  try {
    const url = await waitForLine(child, 'the bench sandbox', (line) => (typeof line['url'] === 'string' ? line['url'] : undefined));
    return { url, child };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/**
 * BENCH_RUN_NODE_FLAGS adds node flags to the run's process only, to find where its time or
 * memory goes: e.g. "--cpu-prof --cpu-prof-dir=tmp/prof" or "--heap-prof --heap-prof-dir=tmp/prof".
 */
async function runOnce(databaseUrl: string, oneCUrl: string): Promise<RunFigures> {
  const profile = process.env['BENCH_RUN_NODE_FLAGS']?.split(/\s+/).filter(Boolean) ?? [];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...profile, ...(await bundledForNode(RUN_MAIN)), '--database-url', databaseUrl, '--onec-url', oneCUrl],
    {
      cwd: REPO_ROOT,
      maxBuffer: 16 << 20,
    },
  );
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const figures = JSON.parse(line) as RunFigures;
  if (figures.outcome.status !== 'succeeded') throw new Error(`the run failed: ${figures.outcome.error}`);
  return figures;
}

/** Where the run's time went, from its own log rows: "fetch_stock 1.2 s, plan 0.4 s, …". */
async function stepDurations(databaseUrl: string, runId: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ step: string; elapsed_ms: number }>(
      `select step, elapsed_ms from integration_logs where run_id = $1 and elapsed_ms is not null and step <> 'finish' order by id`,
      [runId],
    );
    return rows.map((row) => `${row.step} ${round(row.elapsed_ms / 1000)} s`).join(', ');
  } finally {
    await client.end();
  }
}

export async function measureRunEndToEnd(options: { warehouses: number; skus: number; quick: boolean }): Promise<BenchLine[]> {
  const { warehouses, skus } = options;
  const sandbox = await startNetworkSandbox(warehouses, skus);
  try {
    return await withScratchDatabase('run', async (runDb) => {
      await migrateUp(runDb.url, createStdoutLogger('bench', 'warn'));
      const run = await runOnce(runDb.url, sandbox.url);
      const steps = await stepDurations(runDb.url, run.runId);
      const floor = await measureRunFloor({ runDatabaseUrl: runDb.url, runId: run.runId, oneCUrl: sandbox.url });
      const ratio = run.seconds / floor.seconds;
      const counts = run.outcome.status === 'succeeded' ? run.outcome.counts : {};
      const size = `${warehouses} × ${skus.toLocaleString('en')} (${(warehouses * skus).toLocaleString('en')} rules)`;
      const quick = options.quick ? '; --quick: a smaller network than the issue’s 200 × 5,000' : '';
      const written = `${floor.rows.orders.toLocaleString('en')} orders, ${floor.rows.lines.toLocaleString('en')} lines, ${floor.rows.events.toLocaleString('en')} events`;
      return [
        {
          id: 'P3',
          what: `replenishment run end to end, ${size}`,
          figure: round(run.seconds),
          unit: 's',
          floor: round(floor.seconds),
          ratio: round(ratio),
          goal: `≤ ${TIME_GOAL}× HTTP read + COPY`,
          pass: ratio <= TIME_GOAL,
          note: `${written}, ${counts['stockSnapshots'] ?? 0} stock rows; steps: ${steps}; floor: stock over HTTP ${round(floor.readSeconds)} s + COPY ${round(floor.copySeconds)} s${quick}`,
        },
        {
          id: 'P3',
          what: `replenishment run end to end, peak RSS of the run's process, ${size}`,
          figure: round(run.peakRssMb),
          unit: 'MB',
          floor: null,
          ratio: null,
          goal: `peak RSS ≤ ${RSS_GOAL_MB} MB`,
          pass: run.peakRssMb <= RSS_GOAL_MB,
          note: `at the sampled peak: V8 heap ${run.atPeakMb.heapUsed} MB, outside it ${run.atPeakMb.external} MB${quick}`,
        },
      ];
    });
  } finally {
    await stopChild(sandbox.child);
  }
}
