/**
 * P3's floor: what a run cannot do without. Read the same stock over HTTP with the same 1С
 * client, as many calls at once as a run makes, and `COPY` the very rows the run wrote —
 * transfer and outside orders, their lines, their outbox events — into the same tables of a
 * fresh database, in one transaction. The rows are dumped to memory from the run's database
 * before the clock starts; the warehouses, products and run they refer to are copied untimed.
 */
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import pLimit from 'p-limit';
import { createOneCClient, ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { seconds } from '../support/lines';
import { withScratchDatabase } from '../support/scratch';

/** A run reads 1С with this many calls at once (libs/replenishment ONE_C_CONCURRENCY). */
const ONE_C_CONCURRENCY = 4;
/** What the floor copies untimed (what the orders refer to), then timed: the run's writes. */
const REFERRED = ['warehouses', 'products'] as const;
const WRITTEN = ['transfer_orders', 'transfer_order_lines', 'external_orders', 'external_order_lines', 'outbox_events'] as const;

export interface RunFloor {
  seconds: number;
  readSeconds: number;
  copySeconds: number;
  rows: { orders: number; lines: number; events: number };
}

async function dump(client: Client, query: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(`copy (${query}) to stdout`)),
    new Writable({ write: (chunk: Buffer, _encoding, done) => void (chunks.push(chunk), done()) }),
  );
  return chunks;
}

async function load(client: Client, table: string, chunks: Buffer[]): Promise<void> {
  await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} from stdin`)));
}

async function count(client: Client, table: string): Promise<number> {
  return Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
}

export async function measureRunFloor(options: { runDatabaseUrl: string; runId: string; oneCUrl: string }): Promise<RunFloor> {
  const source = new Client({ connectionString: options.runDatabaseUrl });
  await source.connect();
  const referred = new Map<string, Buffer[]>();
  const written = new Map<string, Buffer[]>();
  let rows: RunFloor['rows'];
  try {
    for (const table of REFERRED) referred.set(table, await dump(source, `select * from ${table}`));
    referred.set('replenishment_runs', await dump(source, `select * from replenishment_runs where id = '${options.runId}'`));
    for (const table of WRITTEN) written.set(table, await dump(source, `select * from ${table}`));
    rows = {
      orders: (await count(source, 'transfer_orders')) + (await count(source, 'external_orders')),
      lines: (await count(source, 'transfer_order_lines')) + (await count(source, 'external_order_lines')),
      events: await count(source, 'outbox_events'),
    };
  } finally {
    await source.end();
  }

  return withScratchDatabase('run_floor', async (db) => {
    await migrateUp(db.url, createStdoutLogger('bench', 'warn'));
    const target = new Client({ connectionString: db.url });
    await target.connect();
    try {
      for (const [table, chunks] of referred) await load(target, table, chunks);
      const oneC = createOneCClient({
        baseUrl: options.oneCUrl,
        username: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
        password: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
        timeoutMs: 120_000,
      });

      const started = performance.now();
      const warehouses = await oneC.listWarehouses();
      const stock = await pLimit(ONE_C_CONCURRENCY).map(warehouses, (warehouse) => oneC.getStock(warehouse.id));
      const read = performance.now();
      await target.query('begin');
      for (const [table, chunks] of written) await load(target, table, chunks);
      await target.query('commit');
      const copied = performance.now();

      const items = stock.reduce((sum, items) => sum + items.length, 0);
      if (items === 0) throw new Error('the floor read no stock from the sandbox');
      const events = await count(target, 'outbox_events');
      if (events !== rows.events) throw new Error(`the floor copied ${events} of ${rows.events} outbox events`);
      return { seconds: seconds(started, copied), readSeconds: seconds(started, read), copySeconds: seconds(read, copied), rows };
    } finally {
      await target.end();
    }
  });
}
