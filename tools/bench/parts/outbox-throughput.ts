/**
 * P4: outbox claim + deliver with a no-op transport. N due events in a scratch database; R
 * replica processes (outbox-bench-replica.ts) drain it at once through drainOutbox; figures:
 * events/s and duplicates (deliveries beyond one per event, which must be 0). The floor runs
 * the outbox's own statements (OUTBOX_STATEMENTS: bury, claim, mark delivered) from one plain
 * `pg` client on an identical scratch outbox: the same claims and marks, no app logic.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Client } from 'pg';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { OUTBOX_STATEMENTS, type OutboxSettingsInput } from '@hub/outbox';
import type { ReplicaReport } from '../outbox-bench-replica';
import { seconds } from '../support/lines';
import { withScratchDatabase } from '../support/scratch';

export interface OutboxBenchOptions {
  events: number;
  replicas: number;
  batch: number;
}

const REPLICA_MAIN = new URL('../outbox-bench-replica.ts', import.meta.url).pathname;
const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 10;

const SEED_EVENTS = `
  insert into outbox_events (id, aggregate_type, aggregate_id, event_type, payload, created_at)
  select gen_random_uuid(), 'bench_item', gen_random_uuid(), 'BENCH_EVENT', '{"bench":true}'::jsonb,
    clock_timestamp()
  from generate_series(1, $1::integer)`;

/** A migrated scratch database holding `events` due events, for `work`; dropped afterwards. */
function withSeededOutbox<T>(events: number, work: (url: string, client: Client) => Promise<T>): Promise<T> {
  return withScratchDatabase('outbox', async (db) => {
    await migrateUp(db.url, createStdoutLogger('bench', 'warn'));
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(SEED_EVENTS, [events]);
      await client.query('analyze outbox_events');
      return await work(db.url, client);
    } finally {
      await client.end();
    }
  });
}

function startReplica(url: string, index: number, settings: OutboxSettingsInput): ChildProcess {
  return fork(REPLICA_MAIN, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DB_URL: url, BENCH_OWNER: `bench-replica-${index}`, BENCH_SETTINGS: JSON.stringify(settings) },
  });
}

/** Replica processes draining the outbox: what `npm run bench:outbox` prints. */
export function measureOutboxThroughput(options: OutboxBenchOptions) {
  const settings: OutboxSettingsInput = { batchSize: options.batch, concurrency: 64, deliveryTimeoutMs: 10_000, leaseMs: LEASE_MS };
  return withSeededOutbox(options.events, async (url, client) => {
    const replicas = Array.from({ length: options.replicas }, (_, index) => startReplica(url, index + 1, settings));
    await Promise.all(replicas.map((replica) => once(replica, 'message')));
    const reports = replicas.map((replica) => once(replica, 'message').then(([report]) => report as ReplicaReport));
    const started = performance.now();
    for (const replica of replicas) replica.send('go');
    const done = await Promise.all(reports);
    const elapsed = seconds(started);

    const deliveries = done.flatMap((report) => report.delivered);
    const duplicates = deliveries.length - new Set(deliveries).size;
    const { rows } = await client.query<{ delivered: number }>("select count(*)::int as delivered from outbox_events where status = 'delivered'");
    const marked = rows[0]?.delivered ?? 0;
    return {
      events: options.events,
      replicas: options.replicas,
      batchSize: options.batch,
      seconds: Number(elapsed.toFixed(2)),
      eventsPerSecond: Math.round(options.events / elapsed),
      duplicates,
      lost: options.events - marked,
      perReplica: Object.fromEntries(done.map((report) => [report.owner, { delivered: report.delivered.length, batches: report.batches }])),
    };
  });
}

/** knex's `?` placeholders as pg's `$n`. */
const numbered = (sql: string): string => {
  let index = 0;
  return sql.replaceAll('?', () => `$${++index}`);
};

/** The floor: the same bury, claim and mark statements, batch after batch, from one client. */
export function measureOutboxFloor(options: OutboxBenchOptions) {
  const [bury, claim, mark] = [OUTBOX_STATEMENTS.buryAbandonedEvents, OUTBOX_STATEMENTS.claimDueEvents, OUTBOX_STATEMENTS.markDelivered].map(numbered);
  return withSeededOutbox(options.events, async (_url, client) => {
    const owner = 'bench-floor';
    let delivered = 0;
    const started = performance.now();
    for (;;) {
      await client.query('begin');
      await client.query(bury!, [MAX_ATTEMPTS, MAX_ATTEMPTS]);
      const claimed = await client.query<{ id: string }>(claim!, [options.batch, owner, LEASE_MS]);
      await client.query('commit');
      if (claimed.rows.length === 0) break;
      const ids = claimed.rows.map((row) => row.id);
      await client.query('begin');
      delivered += (await client.query(mark!, [ids, ids, owner])).rowCount ?? 0;
      await client.query('commit');
    }
    const elapsed = seconds(started);
    if (delivered !== options.events) throw new Error(`the floor delivered ${delivered} of ${options.events} events`);
    return { seconds: elapsed, eventsPerSecond: options.events / elapsed };
  });
}
