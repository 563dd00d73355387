/**
 * P6 and P7: the API as a process (apps/api/src/main.ts through tsx, as `npm run start:api`
 * starts it) on a migrated scratch database holding 10,000 finished runs.
 * P7: spawn → first 200 from GET /ready, beside a bare node:http server's spawn → first answer.
 * P6: autocannon at a fixed rate on GET /api/v1/runs and GET /ready, beside a Hono
 * hello-world started the same way; the figure is p99 latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { hubAppEnv, REPO_ROOT, spawnApp, stopChild } from '../../../libs/testing/src/app-process';
import { round, seconds, type BenchLine } from '../support/lines';
import { withScratchDatabase } from '../support/scratch';

const HELLO_SERVER = new URL('../support/hello-server.ts', import.meta.url).pathname;
const RUNS = 10_000;
const SEED_RUNS = `
  insert into replenishment_runs (id, trigger, status, counts, created_at, started_at, finished_at)
  select gen_random_uuid(), 'schedule', 'succeeded', '{"needs": 59, "transferOrders": 3}',
         now() - g * interval '1 hour', now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '20 seconds'
  from generate_series(1, $1::integer) as g`;

/** The URL a started server prints in its listening line (`url`), or its end. */
function listeningUrl(child: ChildProcess, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: string; url?: string };
        if (parsed.msg?.startsWith(message) && parsed.url) resolve(parsed.url);
      } catch {
        // Not a JSON line: not the one awaited.
      }
    });
    child.once('exit', (code) => reject(new Error(`the server ended (code ${code}) before logging "${message}"`)));
  });
}

async function firstOk(url: string): Promise<void> {
  for (;;) {
    const answer = await fetch(url).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Started {
  url: string;
  /** Spawn → first 200 from `readyPath`, in seconds. */
  startSeconds: number;
  child: ChildProcess;
}

async function startTimed(start: () => ChildProcess, message: string, readyPath: string): Promise<Started> {
  const started = performance.now();
  const child = start();
  const url = await listeningUrl(child, message);
  await firstOk(`${url}${readyPath}`);
  return { url, startSeconds: seconds(started), child };
}

const startApi = (databaseUrl: string) => () =>
  spawnApp(
    'apps/api/src/main.ts',
    hubAppEnv({ databaseUrl, oneCBaseUrl: 'http://127.0.0.1:9', env: { API_HOST: '127.0.0.1', API_PORT: '0', LOG_LEVEL: 'info' } }),
  );
const startHello = (kind: 'hono' | 'http') => () =>
  spawn(process.execPath, ['--import', 'tsx', HELLO_SERVER, kind], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });

async function p99At(url: string, rate: number, durationSeconds: number): Promise<{ p99: number; p50: number; failed: number; requests: number }> {
  const result = await autocannon({ url, connections: 10, overallRate: rate, duration: durationSeconds });
  return { p99: result.latency.p99, p50: result.latency.p50, failed: result.non2xx + result.errors + result.timeouts, requests: result.requests.total };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function measureApi(options: { starts: number; rate: number; durationSeconds: number }): Promise<BenchLine[]> {
  return withScratchDatabase('api', async (db) => {
    await migrateUp(db.url, createStdoutLogger('bench', 'warn'));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(SEED_RUNS, [RUNS]);
    await client.query('analyze replenishment_runs');
    await client.end();

    const apiStarts: number[] = [];
    const bareStarts: number[] = [];
    for (let i = 0; i < options.starts; i++) {
      const bare = await startTimed(startHello('http'), 'listening', '/');
      bareStarts.push(bare.startSeconds);
      await stopChild(bare.child);
      const api = await startTimed(startApi(db.url), 'api listening', '/ready');
      apiStarts.push(api.startSeconds);
      await stopChild(api.child);
    }
    const [apiStart, bareStart] = [median(apiStarts), median(bareStarts)];

    const hello = await startTimed(startHello('hono'), 'listening', '/');
    const floor = await p99At(hello.url, options.rate, options.durationSeconds).finally(() => stopChild(hello.child));
    const api = await startTimed(startApi(db.url), 'api listening', '/ready');
    const loads: Array<[string, Awaited<ReturnType<typeof p99At>>]> = [];
    try {
      for (const path of ['/api/v1/runs', '/ready']) loads.push([path, await p99At(`${api.url}${path}`, options.rate, options.durationSeconds)]);
    } finally {
      await stopChild(api.child);
    }
    const load = `${options.rate} req/s for ${options.durationSeconds} s`;
    return [
      {
        id: 'P7',
        what: 'api start → ready (migrations current)',
        figure: round(apiStart),
        unit: 's',
        floor: round(bareStart),
        ratio: round(apiStart / bareStart),
        goal: '≤ 1 s beyond the floor',
        pass: apiStart - bareStart <= 1,
        note: `median of ${options.starts}; floor: a bare node:http server started the same way (node + tsx)`,
      },
      ...loads.map(([path, figures]): BenchLine => ({
        id: 'P6',
        what: `GET ${path} at ${load}, p99`,
        figure: figures.p99,
        unit: 'ms',
        floor: floor.p99,
        ratio: round(figures.p99 / Math.max(floor.p99, 1)),
        goal: '≤ 5× a Hono hello-world',
        pass: figures.failed === 0 && figures.p99 <= 5 * Math.max(floor.p99, 1),
        note:
          `p50 ${figures.p50} ms, ${figures.requests} requests, ${figures.failed} failed; floor p50 ${floor.p50} ms` +
          (options.durationSeconds < 30 ? `; --quick: ${options.durationSeconds} s instead of 30 s` : ''),
      })),
    ];
  });
}
