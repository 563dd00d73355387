/**
 * `npm run bench [-- --quick] [-- --only P2,P4]`: every benchmark of issue 13 in one run, each
 * figure beside its floor measured in the same run on the same database server (scratch
 * databases on BENCH_DATABASE_URL, else DATABASE_URL, else the embedded PostgreSQL; every
 * server on a port the OS picks). Prints one table — figure, floor, ratio, goal, pass/fail —
 * and writes it to tmp/bench/results.json. `--quick` (under 2 minutes) measures smaller sizes
 * and says so in each line. Exits 0 whether or not goals are met: it measures, it does not
 * gate; a part that fails to run is a failed line with its error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { measureApi } from './parts/api';
import { measureLegacyNormalisation } from './parts/legacy-normalisation';
import { measureLogQueries } from './parts/log-queries';
import { measureLoggerBurst } from './parts/logger-burst';
import { measureMoySkladDelivery } from './parts/moysklad-delivery';
import { measureOutboxFloor, measureOutboxThroughput } from './parts/outbox-throughput';
import { measurePlanner } from './parts/planner';
import { measureRunEndToEnd } from './parts/run-end-to-end';
import { round, type BenchLine } from './support/lines';
import { benchServerUrl, stopBenchServer } from './support/scratch';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = args.quick;
const RESULTS = new URL('../../tmp/bench/results.json', import.meta.url);
// The migrations the parts apply would otherwise print a line each.
process.env['LOG_LEVEL'] ??= 'warn';

/** Sizes: the issue's, or smaller ones for --quick (each line names its size). */
const SIZE =
  quick ?
    {
      legacyRows: 200_000,
      logCalls: 10_000,
      outboxEvents: 5_000,
      outboxBatch: 500,
      moyskladEvents: 150,
      plannerWhole: false,
      largeSkus: 1_000,
      runWarehouses: 40,
      runSkus: 500,
      apiStarts: 1,
      apiSeconds: 5,
      logRows: 200_000,
      logRepeats: 20,
    }
  : {
      legacyRows: 1_000_000,
      logCalls: 100_000,
      outboxEvents: 50_000,
      outboxBatch: 1_000,
      moyskladEvents: 450,
      plannerWhole: true,
      largeSkus: 5_000,
      runWarehouses: 200,
      runSkus: 5_000,
      apiStarts: 3,
      apiSeconds: 30,
      logRows: 5_000_000,
      logRepeats: 50,
    };

async function outboxLines(): Promise<BenchLine[]> {
  const options = { events: SIZE.outboxEvents, replicas: 2, batch: SIZE.outboxBatch };
  const floor = await measureOutboxFloor(options);
  const figures = await measureOutboxThroughput(options);
  const ratio = figures.eventsPerSecond / floor.eventsPerSecond;
  return [
    {
      id: 'P4',
      what: `outbox claim + deliver, ${figures.events.toLocaleString('en')} events, 2 replicas, no-op transport`,
      figure: figures.eventsPerSecond,
      unit: 'events/s',
      floor: round(floor.eventsPerSecond),
      ratio: round(ratio),
      goal: '≥ 0.6× plain SQL, 0 duplicates',
      pass: ratio >= 0.6 && figures.duplicates === 0 && figures.lost === 0,
      note: `${figures.duplicates} duplicates, ${figures.lost} lost; floor: the same statements from one pg client; batch ${options.batch}`,
    },
  ];
}

async function moyskladLines(): Promise<BenchLine[]> {
  const report = await measureMoySkladDelivery(SIZE.moyskladEvents, await benchServerUrl());
  const share = report.longRunShare;
  return [
    {
      id: 'P4b',
      what: `МойСклад delivery, ${report.events} orders, 2 replicas, long-run request rate`,
      figure: report.longRunRequestsPerSecond,
      unit: 'req/s',
      floor: report.limits.permittedRequestsPerSecond,
      ratio: round(share),
      goal: '≥ 0.97× the documented limit, 0 answered 429',
      pass: share >= 0.97 && report.refused === 0 && report.duplicateDocuments === 0,
      note: `answered 429: ${report.answered429}; ${report.duplicateDocuments} duplicate orders; bench:moysklad's machinery`,
    },
  ];
}

const PARTS: Array<{ ids: string[]; run: () => Promise<BenchLine[]> }> = [
  { ids: ['P2'], run: () => measureLegacyNormalisation(SIZE.legacyRows) },
  { ids: ['P1'], run: () => measureLoggerBurst(SIZE.logCalls) },
  { ids: ['P4'], run: outboxLines },
  { ids: ['P4b'], run: moyskladLines },
  { ids: ['P3'], run: () => measureRunEndToEnd({ warehouses: SIZE.runWarehouses, skus: SIZE.runSkus, quick }) },
  { ids: ['P3', 'P3b'], run: () => measurePlanner({ whole: SIZE.plannerWhole, largeWarehouses: 1000, largeSkus: SIZE.largeSkus }) },
  { ids: ['P5'], run: () => measureLogQueries({ rows: SIZE.logRows, fullRows: 5_000_000, repeats: SIZE.logRepeats }) },
  { ids: ['P7', 'P6'], run: () => measureApi({ starts: SIZE.apiStarts, rate: 200, durationSeconds: SIZE.apiSeconds }) },
];

function failedLine(id: string, error: unknown): BenchLine {
  const message = error instanceof Error ? error.message : String(error);
  return { id, what: 'did not run', figure: NaN, unit: '', floor: null, ratio: null, goal: '', pass: false, note: message.split('\n')[0] ?? '' };
}

function table(lines: BenchLine[]): string {
  const rows = [
    ['#', 'what', 'figure', 'floor', 'ratio', 'goal', 'result'],
    ...lines.map((l) => [
      l.id,
      l.what,
      `${l.figure} ${l.unit}`,
      l.floor === null ? '—'
      : typeof l.floor === 'string' ? l.floor
      : `${l.floor} ${l.unit}`,
      l.ratio === null ? '—' : `${l.ratio}×`,
      l.goal,
      l.pass ? 'pass' : 'FAIL',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [format(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(format)].join('\n');
}

async function main(): Promise<void> {
  const only = args.only?.split(',').map((id) => id.trim().toUpperCase());
  const startedAt = new Date();
  const started = performance.now();
  const lines: BenchLine[] = [];
  try {
    for (const part of PARTS) {
      if (only && !part.ids.some((id) => only.includes(id.toUpperCase()))) continue;
      const at = performance.now();
      process.stderr.write(`bench: ${part.ids.join(', ')}…`);
      const measured = await part.run().catch((error: unknown) => part.ids.map((id) => failedLine(id, error)));
      process.stderr.write(` ${((performance.now() - at) / 1000).toFixed(1)} s\n`);
      lines.push(...measured);
    }
  } finally {
    await stopBenchServer();
  }
  const totalSeconds = round((performance.now() - started) / 1000);
  console.log(table(lines));
  for (const line of lines) console.log(`${line.id}: ${line.note}`);
  console.log(
    `${lines.filter((l) => l.pass).length} of ${lines.length} goals met in ${totalSeconds} s${quick ? ' (--quick: smaller sizes, see each line)' : ''}`,
  );
  await mkdir(new URL('.', RESULTS), { recursive: true });
  const results = { startedAt: startedAt.toISOString(), quick, totalSeconds, machine: { cpus: cpus().length, node: process.version }, lines };
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results: ${RESULTS.pathname}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
