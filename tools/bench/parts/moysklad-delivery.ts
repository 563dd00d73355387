/**
 * How close two scheduler replicas, sharing the PostgreSQL rate limiter, get to МойСклад's
 * permitted request rate without being refused (`npm run bench:moysklad`, and P4b of
 * `npm run bench`).
 *
 * In a scratch database (dropped at the end) it writes `events` pending outside orders with
 * the events that deliver them, starts the sandbox with the documented limits of a solution's
 * token (45 units per 3 s, 1 unit a request, 5 parallel), and runs two replicas (two ORMs, two
 * limiters on one bucket, two processOutboxBatch loops) until every event is delivered. Reports
 * the long-run request rate as a share of the permitted rate, the requests admitted as a share
 * of all the sliding window permits in the elapsed time (stricter: it charges the half-used
 * last window), the requests answered 429 and duplicates.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createOrmOptions, createSessionFactory, MikroORM } from '@hub/db';
import { createMoySkladClient, MOYSKLAD_DOCUMENTED_LIMITS, MOYSKLAD_ENV_DEFAULTS } from '@hub/integrations';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { createOrderDispatch, createPgRateLimiter, EXTERNAL_ORDER, moySkladRateBucket, ORDER_OUTBOX_HOOKS } from '@hub/orders';
import { processOutboxBatch } from '@hub/outbox';
// Not @hub/testing's index: it pulls in vitest, which only loads inside the test runner.
import { readMoySkladSandboxStats } from '@hub/test-kit';
import { startSandboxProcess } from '../../../libs/testing/src/sandbox-process';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../../../libs/testing/src/server';
import { seedOrders } from '@hub/orders/testing';

const LIMITS = {
  windowMs: MOYSKLAD_DOCUMENTED_LIMITS.windowMs,
  unitsPerWindow: MOYSKLAD_DOCUMENTED_LIMITS.unitsPerWindow,
  parallel: MOYSKLAD_DOCUMENTED_LIMITS.parallelPerUser,
};
const TOKEN_WEIGHT = 1;
const PARTIES = {
  organizationId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID,
  agentId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID,
  storeId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID,
};
const quiet = createStdoutLogger('bench', 'warn');

async function countUndelivered(orm: MikroORM): Promise<number> {
  const [row] = await orm.em.fork().execute<Array<{ n: number }>>(`select count(*)::int as n from outbox_events where status <> 'delivered'`, [], 'all');
  return row?.n ?? 0;
}

/** One replica: its own ORM, limiter (same bucket) and client, claiming and delivering until nothing is left. */
async function runReplica(url: string, name: string, baseUrl: string, grants: number[]): Promise<{ delivered: number; retried: number; dead: number }> {
  const orm = await MikroORM.init(createOrmOptions(url, { pool: { min: 1, max: 4 } }));
  const sessions = createSessionFactory(orm);
  const token = MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN;
  const limiter = createPgRateLimiter({ sessions, bucket: moySkladRateBucket(token), ...LIMITS });
  // Notes each grant's time on the database's clock, the one both replicas share.
  const rateLimiter = {
    async acquire(units: number) {
      const permit = await limiter.acquire(units);
      grants.push(permit.grantedAtMs);
      return permit;
    },
  };
  const moysklad = createMoySkladClient({ baseUrl, token, tokenWeight: TOKEN_WEIGHT, rateLimiter });
  const dispatch = createOrderDispatch({
    oneC: { createTransferOrder: () => Promise.reject(new Error('this benchmark delivers to МойСклад only')) },
    moysklad: { client: moysklad, parties: PARTIES },
  });
  const totals = { delivered: 0, retried: 0, dead: 0 };
  try {
    for (;;) {
      const batch = await processOutboxBatch({ sessions, dispatch, hooks: ORDER_OUTBOX_HOOKS, owner: name, batchSize: 10 });
      totals.delivered += batch.delivered;
      totals.retried += batch.retried;
      totals.dead += batch.dead;
      if (batch.claimed > 0) continue;
      if ((await countUndelivered(orm)) === 0) return totals;
      await sleep(50);
    }
  } finally {
    await orm.close(true);
  }
}

/** Delivers `events` outside orders with two replicas against the sandbox on a scratch database of `serverUrl`. */
export async function measureMoySkladDelivery(events: number, serverUrl: string) {
  const name = uniqueDatabaseName('hub_bench_moysklad');
  const url = await createDatabase(serverUrl, name);
  const sandbox = await startSandboxProcess({
    env: {
      MOYSKLAD_TOKEN_WEIGHT: String(TOKEN_WEIGHT),
      MOYSKLAD_WINDOW_MS: String(LIMITS.windowMs),
      MOYSKLAD_WINDOW_UNITS: String(LIMITS.unitsPerWindow),
      MOYSKLAD_PARALLEL_LIMIT: String(LIMITS.parallel),
    },
  });
  try {
    await migrateUp(url, quiet);
    const setup = await MikroORM.init(createOrmOptions(url));
    await seedOrders(createSessionFactory(setup), { kind: EXTERNAL_ORDER, count: events, quantity: 24 });
    await setup.close(true);

    const grants: number[] = [];
    const started = performance.now();
    const replicas = await Promise.all([runReplica(url, 'replica-a', sandbox.baseUrl, grants), runReplica(url, 'replica-b', sandbox.baseUrl, grants)]);
    const elapsedMs = performance.now() - started;

    const stats = await readMoySkladSandboxStats(sandbox.baseUrl);
    const perWindow = LIMITS.unitsPerWindow / TOKEN_WEIGHT;
    // A sliding window lets at most perWindow requests start in each window-long stretch, plus one more window's worth at the end.
    const permitted = perWindow * (Math.floor(elapsedMs / LIMITS.windowMs) + 1);
    // Long-run rate: a window's worth of requests over the mean time between a grant and the one
    // a window's worth later (the sliding window allows no less than the window between them).
    const sorted = [...grants].sort((a, b) => a - b);
    const spans = sorted.slice(perWindow).map((at, i) => at - (sorted[i] as number));
    const longRunRate = (perWindow * spans.length * 1000) / spans.reduce((sum, span) => sum + span, 0);
    const permittedRate = perWindow / (LIMITS.windowMs / 1000);
    const sent = stats.requests.admitted + stats.requests.refusedWindow + stats.requests.refusedParallel;
    const refused = stats.requests.refusedWindow + stats.requests.refusedParallel;
    return {
      events,
      replicas: replicas.map((r, i) => ({ replica: i === 0 ? 'a' : 'b', ...r })),
      elapsedSeconds: +(elapsedMs / 1000).toFixed(2),
      limits: { ...LIMITS, tokenWeight: TOKEN_WEIGHT, permittedRequestsPerSecond: permittedRate },
      deliveredPerSecond: +(events / (elapsedMs / 1000)).toFixed(2),
      requestsAdmitted: stats.requests.admitted,
      longRunRequestsPerSecond: +longRunRate.toFixed(2),
      longRunShareOfPermittedRate: `${((100 * longRunRate) / permittedRate).toFixed(1)} %`,
      longRunShare: longRunRate / permittedRate,
      requestsPermittedInElapsedTime: permitted,
      shareOfPermittedInElapsedTime: `${((100 * stats.requests.admitted) / permitted).toFixed(1)} %`,
      answered429: `${refused} of ${sent} (${((100 * refused) / Math.max(1, sent)).toFixed(2)} %)`,
      refused,
      customerOrders: stats.customerOrders.documents.length,
      duplicateDocuments: stats.customerOrders.duplicateDocuments,
      duplicateCreateRequests: stats.customerOrders.duplicateRequests,
    };
  } finally {
    await sandbox.stop();
    await dropDatabase(serverUrl, name);
  }
}
