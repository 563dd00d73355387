import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createTestDatabase, openTestOrm, type TestDatabase, within } from '@hub/testing';
import { createPgRateLimiter, type PgRateLimiterOptions } from './pg-rate-limiter';

/** Two replicas: two ORMs (two connection pools) on one database. */
describe('createPgRateLimiter shared by two replicas', () => {
  let db: TestDatabase;
  let replicaA: MikroORM;
  let replicaB: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('hub_test_rate_limit');
    [replicaA, replicaB] = await Promise.all([openTestOrm(db.url), openTestOrm(db.url)]);
  });
  afterAll(async () => {
    await Promise.all([replicaA?.close(true), replicaB?.close(true)]);
    await db?.drop();
  });

  const limiters = (bucket: string, options: Partial<PgRateLimiterOptions> = {}) => {
    const common = { bucket, windowMs: 400, unitsPerWindow: 5, parallel: 5, ...options };
    return [
      createPgRateLimiter({ sessions: createSessionFactory(replicaA), ...common }),
      createPgRateLimiter({ sessions: createSessionFactory(replicaB), ...common }),
    ] as const;
  };

  it('never grants more units than the budget within any window, however the two replicas race', async () => {
    const [a, b] = limiters('window-test');
    const grants: Array<{ ms: number; units: number }> = [];
    const take = async (limiter: typeof a, count: number, units: number) => {
      for (let i = 0; i < count; i += 1) {
        const permit = await limiter.acquire(units);
        grants.push({ ms: permit.grantedAtMs, units });
        await permit.release({ status: 200, retryAfterMs: undefined });
      }
    };
    await Promise.all([take(a, 8, 1), take(b, 8, 1), take(a, 4, 2), take(b, 4, 1)]);

    expect(grants).toHaveLength(24);
    for (const start of grants) {
      const within = grants.filter((g) => g.ms >= start.ms && g.ms < start.ms + 400).reduce((sum, g) => sum + g.units, 0);
      expect(within).toBeLessThanOrEqual(5);
    }
  });

  it('never lets more requests run at once than the parallel limit, across replicas, and lets the next one go once a slot frees', async () => {
    const [a, b] = limiters('parallel-test', { unitsPerWindow: 1_000, parallel: 2 });
    const ok = { status: 200, retryAfterMs: undefined };
    const held = [await a.acquire(1), await b.acquire(1)];

    // Both slots are taken, one by each replica: neither may start a third request.
    expect(await a.tryAcquire(1)).toMatchObject({ grant: false, reason: 'parallel' });
    expect(await b.tryAcquire(1)).toMatchObject({ grant: false, reason: 'parallel' });

    // A waiting request goes as soon as a slot is given back, on the other replica too.
    const waiting = b.acquire(1);
    await held[0]!.release(ok);
    const third = await waiting;
    expect(await a.tryAcquire(1)).toMatchObject({ grant: false, reason: 'parallel' });
    await Promise.all([held[1]!.release(ok), third.release(ok)]);
    expect(await a.tryAcquire(1)).toMatchObject({ granted: true });
  });

  it('stops waiting for a permit once its caller gives up, and leaves the slot to the next request', async () => {
    // A killed replica's request holds the only slot; the wait for it may be long (maxWaitMs: a minute).
    const [dead, live] = limiters('abort-test', { unitsPerWindow: 1_000, parallel: 1, maxWaitMs: 60_000 });
    const held = await dead.acquire(1);
    const timedOut = new Error('the delivery timed out');
    const givenUp = new AbortController();
    const waiting = live.acquire(1, givenUp.signal);

    givenUp.abort(timedOut);
    // It rejects with the caller's reason at once, not with a permit once the slot frees (or a minute later).
    await expect(within(waiting, 'the abandoned wait for a permit did not end')).rejects.toBe(timedOut);
    await held.release({ status: 200, retryAfterMs: undefined });
    expect(await live.tryAcquire(1)).toMatchObject({ granted: true });
  });

  it('stops both replicas after one of them got 429 with a retry interval', async () => {
    const [a, b] = limiters('blocked-test', { unitsPerWindow: 1_000 });
    const permit = await a.acquire(1);
    await permit.release({ status: 429, retryAfterMs: 5_000 });
    const attempt = await b.tryAcquire(1);
    expect(attempt).toMatchObject({ grant: false, reason: 'blocked' });
    expect(attempt).toHaveProperty('waitMs', expect.any(Number));
    expect((attempt as { waitMs: number }).waitMs).toBeGreaterThan(4_000);
  });

  it('fails fast with a retryable error carrying the wait when the wait exceeds maxWaitMs', async () => {
    const [a, b] = limiters('long-wait-test', { windowMs: 60_000, unitsPerWindow: 1, maxWaitMs: 1_000 });
    await (await a.acquire(1)).release({ status: 200, retryAfterMs: undefined });
    const error = await b.acquire(1).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ system: 'moysklad', code: 'rate_limited', retryable: true });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000);
  });

  it('after repeated 429s in a short window stops every replica for the cool-down, and says so in one WARNING row', async () => {
    const logger = new LoggerService({ source: 'scheduler', session: createSessionFactory(replicaA).open, stdout: createStdoutLogger('scheduler', 'silent') });
    const coolDown = { refusals: 3, withinMs: 60_000, coolDownMs: 30_000 };
    const [a, b] = limiters('cool-down-test', { unitsPerWindow: 1_000, coolDown, logger });
    // Parallel refusals (error 1073) carry no interval: alone, they never blocked anyone.
    const refuse = async (limiter: typeof a) => (await limiter.acquire(1)).release({ status: 429, retryAfterMs: undefined });
    await refuse(a);
    await refuse(b);
    expect(await a.tryAcquire(1)).toMatchObject({ granted: true });
    await Promise.all([refuse(a), refuse(b)]);

    for (const limiter of [a, b]) {
      const attempt = await limiter.tryAcquire(1);
      expect(attempt).toMatchObject({ grant: false, reason: 'blocked' });
      expect((attempt as { waitMs: number }).waitMs).toBeGreaterThan(25_000);
    }
    const rows = await replicaA.em
      .fork()
      .execute<Array<{ level: string; message: string; payload: Record<string, unknown> }>>(
        `select level, message, payload from integration_logs where message like '%429%' order by id`,
        [],
        'all',
      );
    expect(rows).toEqual([expect.objectContaining({ level: 'WARNING', payload: expect.objectContaining({ bucket: 'cool-down-test', coolDownMs: 30_000 }) })]);
    expect(rows[0]!.message).toMatch(/stop calling МойСклад for 30 s/);
  });
});
