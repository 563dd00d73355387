/**
 * One replica of `npm run bench:outbox` (started by outbox-throughput.ts, never by hand):
 * its own process and connection pool, draining the scratch outbox with a no-op transport
 * once told to go, then reporting every event id it delivered.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { connectDatabase, createSessionFactory, type MikroORM } from '@hub/db';
import { drainOutbox, type OutboxSettingsInput } from '@hub/outbox';

export interface ReplicaReport {
  owner: string;
  delivered: string[];
  batches: number;
}

async function undelivered(orm: MikroORM): Promise<number> {
  const [row] = await orm.em.fork().execute<{ n: number }[]>("select count(*)::int as n from outbox_events where status <> 'delivered'", [], 'all');
  return row?.n ?? 0;
}

async function main(): Promise<void> {
  const { BENCH_DB_URL: url, BENCH_OWNER: owner, BENCH_SETTINGS: settingsJson } = process.env;
  if (!url || !owner || !settingsJson || !process.send) throw new Error('outbox-bench-replica is started by outbox-throughput.ts');
  const settings = JSON.parse(settingsJson) as OutboxSettingsInput;
  const orm = await connectDatabase(url);
  const delivered: string[] = [];
  let batches = 0;
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ ready: true });
  });
  // Drain; when the other replica still holds the last events, wait for it rather than stop early.
  while ((await undelivered(orm)) > 0) {
    const result = await drainOutbox({
      ...settings,
      sessions: createSessionFactory(orm),
      hooks: {},
      owner,
      dispatch: async (event) => {
        delivered.push(event.id);
        return { responseRef: event.id };
      },
    });
    batches += result.batches;
    if (result.claimed === 0) await sleep(5);
  }
  const report: ReplicaReport = { owner, delivered, batches };
  await new Promise<void>((resolve) => process.send?.(report, () => resolve()));
  await orm.close(true);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
