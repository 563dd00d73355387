import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM } from '@hub/db';
import { createMoySkladClient, MOYSKLAD_ENV_DEFAULTS, type MoySkladRateLimiter } from '@hub/integrations';
import { createTestDatabase, openTestOrm, readMoySkladSandboxStats, startSandboxProcess, type SandboxProcess, type TestDatabase } from '@hub/testing';
import { createPgRateLimiter } from './pg-rate-limiter';

/** A short window, so the spec spans several; the sandbox counts it as МойСклад does (sliding, on arrival). */
const LIMITS = { windowMs: 600, unitsPerWindow: 6, parallel: 5 };
/** Time between a grant and the request's arrival, request by request: a busy host, a slow network. */
const ON_THE_WAY_MS = [0, 400, 0, 250, 60];

describe('createPgRateLimiter against the sandbox enforcing МойСклад’s window', () => {
  let db: TestDatabase;
  let sandbox: SandboxProcess;
  let replicas: MikroORM[] = [];

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([
      createTestDatabase('hub_test_rate_limit_sandbox'),
      startSandboxProcess({
        env: {
          MOYSKLAD_TOKEN_WEIGHT: '1',
          MOYSKLAD_WINDOW_MS: String(LIMITS.windowMs),
          MOYSKLAD_WINDOW_UNITS: String(LIMITS.unitsPerWindow),
          MOYSKLAD_PARALLEL_LIMIT: String(LIMITS.parallel),
        },
      }),
    ]);
    replicas = await Promise.all([openTestOrm(db.url), openTestOrm(db.url)]);
  });
  afterAll(async () => {
    await Promise.all(replicas.map((orm) => orm.close(true)));
    await sandbox?.stop();
    await db?.drop();
  });

  it('keeps every request inside the window МойСклад counts on arrival, however long it took to get there, with no margin on the window', async () => {
    let granted = 0;
    const clientOf = (orm: MikroORM) => {
      const limiter = createPgRateLimiter({ sessions: createSessionFactory(orm), bucket: 'sandbox-window', ...LIMITS });
      // Holds each request back after its grant, as a loaded host or network would: the gap a fixed margin on the window used to cover.
      const delayedOnTheWay: MoySkladRateLimiter = {
        async acquire(units) {
          const permit = await limiter.acquire(units);
          await sleep(ON_THE_WAY_MS[granted++ % ON_THE_WAY_MS.length]);
          return permit;
        },
      };
      const token = MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN;
      return createMoySkladClient({
        baseUrl: sandbox.baseUrl,
        token,
        tokenWeight: 1,
        windowUnits: LIMITS.unitsPerWindow,
        rateLimiter: delayedOnTheWay,
        timeoutMs: 5_000,
      });
    };
    const clients = replicas.map(clientOf);
    const callsPerLoop = 6;
    const loops = [...clients, ...clients, ...clients];
    // Two replicas, three loops each: more demand than the window allows, all the time.
    await Promise.all(
      loops.map(async (client) => {
        for (let i = 0; i < callsPerLoop; i += 1) await client.listStores();
      }),
    );

    // The sandbox refuses with 429 whatever exceeds the units within any window-long interval of arrivals.
    const { requests } = await readMoySkladSandboxStats(sandbox.baseUrl);
    expect(requests).toEqual({ admitted: loops.length * callsPerLoop, refusedWindow: 0, refusedParallel: 0 });
  });
});
