/**
 * `npm run bench:outbox [-- --events 50000 --replicas 2 --batch 1000]`: claim + deliver
 * throughput of the outbox with a no-op transport. A scratch database on BENCH_DATABASE_URL
 * (else DATABASE_URL, else the embedded PostgreSQL) gets N due events; R replica processes
 * drain it at once; the figures are events/s and duplicates (deliveries beyond one per
 * event, which must be 0). The scratch database is dropped at the end. A benchmark, not a
 * test: it prints figures and fails only when an event was lost or delivered twice.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import type { OutboxSettingsInput } from '@hub/outbox';
import type { ReplicaReport } from './outbox-bench-replica';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    replicas: { type: 'string', default: '2' },
    batch: { type: 'string', default: '1000' },
  },
});
const EVENTS = Number(args.events);
const REPLICAS = Number(args.replicas);
const SETTINGS: OutboxSettingsInput = { batchSize: Number(args.batch), concurrency: 64, deliveryTimeoutMs: 10_000, leaseMs: 10 * 60_000 };
const REPLICA_MAIN = new URL('./outbox-bench-replica.ts', import.meta.url).pathname;

const SEED_EVENTS = `
  insert into outbox_events (id, aggregate_type, aggregate_id, event_type, payload, created_at)
  select gen_random_uuid(), 'bench_item', gen_random_uuid(), 'BENCH_EVENT', '{"bench":true}'::jsonb,
    clock_timestamp()
  from generate_series(1, $1::integer)`;

/** Runs one statement on the server's maintenance database (create/drop the scratch database). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const maintenance = new URL(serverUrl);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function startReplica(url: string, index: number): ChildProcess {
  return fork(REPLICA_MAIN, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_DB_URL: url, BENCH_OWNER: `bench-replica-${index}`, BENCH_SETTINGS: JSON.stringify(SETTINGS) },
  });
}

async function run(serverUrl: string): Promise<void> {
  const name = `hub_bench_outbox_${Date.now().toString(36)}`;
  await onServer(serverUrl, `create database ${name}`);
  const scratch = new URL(serverUrl);
  scratch.pathname = `/${name}`;
  const url = scratch.toString();
  try {
    await migrateUp(url, createStdoutLogger('bench', 'warn'));
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(SEED_EVENTS, [EVENTS]);
    await client.query('analyze outbox_events');

    const replicas = Array.from({ length: REPLICAS }, (_, index) => startReplica(url, index + 1));
    await Promise.all(replicas.map((replica) => once(replica, 'message')));
    const reports = replicas.map((replica) => once(replica, 'message').then(([report]) => report as ReplicaReport));
    const started = performance.now();
    for (const replica of replicas) replica.send('go');
    const done = await Promise.all(reports);
    const seconds = (performance.now() - started) / 1000;

    const deliveries = done.flatMap((report) => report.delivered);
    const duplicates = deliveries.length - new Set(deliveries).size;
    const { rows } = await client.query<{ delivered: number }>("select count(*)::int as delivered from outbox_events where status = 'delivered'");
    await client.end();
    const marked = rows[0]?.delivered ?? 0;
    const figures = {
      events: EVENTS,
      replicas: REPLICAS,
      batchSize: SETTINGS.batchSize,
      seconds: Number(seconds.toFixed(2)),
      eventsPerSecond: Math.round(EVENTS / seconds),
      duplicates,
      lost: EVENTS - marked,
      perReplica: Object.fromEntries(done.map((report) => [report.owner, { delivered: report.delivered.length, batches: report.batches }])),
    };
    console.log(`outbox throughput: ${JSON.stringify(figures, null, 2)}`);
    if (duplicates > 0 || marked !== EVENTS) process.exitCode = 1;
  } finally {
    await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

async function main(): Promise<void> {
  const configured = process.env['BENCH_DATABASE_URL']?.trim();
  const serverUrl = await resolveDatabaseUrl(configured ? { ...process.env, DATABASE_URL: configured } : process.env);
  try {
    await run(serverUrl);
  } finally {
    await stopEmbeddedServers();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
