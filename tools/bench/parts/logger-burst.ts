/**
 * P1: LoggerService writing `integration_logs`. A burst of `calls` log calls at once, rows/s,
 * against the floor: the same rows as multi-row INSERTs (1,000 rows a statement) from one
 * plain `pg` client. Then single awaited writes one after another: p50 and p99 latency.
 * stdout lines go to a sink that drops them (their formatting is still paid for).
 */
import { Client } from 'pg';
import { createOrmOptions, createSessionFactory, MikroORM } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { round, seconds, type BenchLine } from '../support/lines';
import { withScratchDatabase } from '../support/scratch';

const ROWS_PER_INSERT = 1000;
const SINGLE_WRITES = 1000;

const entry = (index: number) => ({ message: `bench entry ${index}`, step: 'bench', status: 'ok', payload: { index, batch: index % 10 } });

async function countRows(client: Client): Promise<number> {
  return Number((await client.query('select count(*) as n from integration_logs')).rows[0].n);
}

/** The floor: the same rows, ROWS_PER_INSERT a statement, from one client. */
async function insertRaw(client: Client, calls: number): Promise<number> {
  const started = performance.now();
  for (let from = 0; from < calls; from += ROWS_PER_INSERT) {
    const rows = Array.from({ length: Math.min(ROWS_PER_INSERT, calls - from) }, (_, i) => entry(from + i));
    const values = rows.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, 'bench', $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::jsonb)`);
    await client.query(
      `insert into integration_logs (level, message, source, step, status, payload) values ${values.join(', ')}`,
      rows.flatMap((row) => ['INFO', row.message, row.step, row.status, JSON.stringify(row.payload)]),
    );
  }
  return seconds(started);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function measureLoggerBurst(calls: number): Promise<BenchLine[]> {
  return withScratchDatabase('logger', async (db) => {
    await migrateUp(db.url, createStdoutLogger('bench', 'warn'));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const orm = await MikroORM.init(createOrmOptions(db.url));
    try {
      const floor = await insertRaw(client, calls);
      await client.query('truncate integration_logs');
      const logger = new LoggerService({
        source: 'bench',
        session: createSessionFactory(orm).open,
        stdout: createStdoutLogger('bench', 'info', { write: () => undefined }),
      });
      const started = performance.now();
      await Promise.all(Array.from({ length: calls }, (_, index) => logger.info(entry(index).message, entry(index))));
      const burst = seconds(started);
      const written = await countRows(client);
      if (written !== calls) throw new Error(`LoggerService wrote ${written} of ${calls} rows`);

      const latencies: number[] = [];
      for (let index = 0; index < SINGLE_WRITES; index++) {
        const at = performance.now();
        await logger.info(entry(index).message, entry(index));
        latencies.push(performance.now() - at);
      }
      latencies.sort((a, b) => a - b);
      const [rate, floorRate] = [calls / burst, calls / floor];
      const p99 = percentile(latencies, 99);
      return [
        {
          id: 'P1',
          what: `LoggerService burst of ${calls.toLocaleString('en')} log calls`,
          figure: round(rate),
          unit: 'rows/s',
          floor: round(floorRate),
          ratio: round(rate / floorRate),
          goal: '≥ 0.5× multi-row INSERT',
          pass: rate / floorRate >= 0.5,
          note: `floor: INSERTs of ${ROWS_PER_INSERT} rows from one pg client`,
        },
        {
          id: 'P1',
          what: `LoggerService single awaited write, p99 (${SINGLE_WRITES} in a row)`,
          figure: round(p99),
          unit: 'ms',
          floor: null,
          ratio: null,
          goal: 'p99 ≤ 5 ms',
          pass: p99 <= 5,
          note: `p50 ${round(percentile(latencies, 50))} ms`,
        },
      ];
    } finally {
      await orm.close(true);
      await client.end();
    }
  });
}
