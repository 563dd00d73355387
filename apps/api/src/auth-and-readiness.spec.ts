import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createEmptyTestDatabase, findFreePort, oneCClientFor, openTestOrm } from '@hub/testing';
import { createApp } from './app';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const TOKEN = 'api-test-token-3b9d2f71c0';
const WAREHOUSES = 'http://localhost/api/v1/warehouses';

const TRIGGER = 'http://localhost/api/v1/trigger/internal-replenishment';

describe('API token', () => {
  let open: ApiFixture;
  let guarded: ApiFixture;
  let writesOnly: ApiFixture;

  beforeAll(async () => {
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    [open, guarded, writesOnly] = await Promise.all([
      openApiFixture(oneC),
      openApiFixture(oneC, { apiToken: TOKEN }),
      openApiFixture(oneC, { apiToken: TOKEN, readsNeedToken: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), guarded?.close(), writesOnly?.close()]);
  });

  it('is off without a token', async () => {
    expect((await open.app.request(WAREHOUSES)).status).toBe(200);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['a wrong X-Admin-Token', { 'X-Admin-Token': 'not-the-token' }],
    ['the token as a prefix', { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['Basic instead of Bearer', { Authorization: `Basic ${TOKEN}` }],
    ['the token bare, without a scheme', { Authorization: TOKEN }],
    ['an empty X-Admin-Token', { 'X-Admin-Token': '' }],
  ])('answers 401 JSON for %s, without starting a run, whether reads are guarded or not', async (_case, headers: Record<string, string>) => {
    for (const fx of [guarded, writesOnly]) {
      const response = await fx.app.request(TRIGGER, { method: 'POST', headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
      const body = await response.json();
      expect(body).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('X-Admin-Token') } });
      expect(JSON.stringify(body)).not.toContain(TOKEN);
      expect(fx.runs).toHaveLength(0);
    }
    expect(await guarded.query('select count(*)::int as n from replenishment_runs')).toEqual([{ n: 0 }]);
  });

  it('refuses any other write method on any path without the token (401, not 404 or 405)', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/v1/runs', '/health', '/metrics', '/nowhere']) {
        expect([method, path, (await writesOnly.app.request(`http://localhost${path}`, { method })).status]).toEqual([method, path, 401]);
      }
    }
  });

  it("takes the token as Authorization: Bearer or as the first release's X-Admin-Token", async () => {
    const ways: Array<Record<string, string>> = [
      { Authorization: `Bearer ${TOKEN}` },
      { Authorization: `bearer  ${TOKEN}` },
      { 'X-Admin-Token': TOKEN },
      { 'X-Admin-Token': TOKEN, Authorization: 'Bearer stale' },
    ];
    for (const headers of ways) {
      expect((await guarded.app.request(WAREHOUSES, { headers })).status).toBe(200);
      const dryRun = await guarded.app.request(`${TRIGGER}?dry_run=true`, { method: 'POST', headers });
      // Past authentication: the dry run reaches 1С, which is not there (502), rather than a 401.
      expect(dryRun.status).toBe(502);
    }
  });

  it('guards reads of /api and /metrics unless reads are open, and never /health, /ready, /openapi.json or /docs', async () => {
    for (const path of ['/api/v1/warehouses', '/api/v1/runs', '/api/v1/outbox/stats', '/metrics']) {
      expect([path, (await guarded.app.request(`http://localhost${path}`)).status]).toEqual([path, 401]);
      expect([path, (await writesOnly.app.request(`http://localhost${path}`)).status]).toEqual([path, 200]);
    }
    for (const fx of [guarded, writesOnly]) {
      for (const path of ['/health', '/ready', '/openapi.json', '/docs'])
        expect([path, (await fx.app.request(`http://localhost${path}`)).status]).toEqual([path, 200]);
    }
  });
});

describe('GET /ready', () => {
  it('is 200 on a migrated database', async () => {
    const fx = await openApiFixture(oneCClientFor('http://127.0.0.1:9'));
    try {
      const response = await fx.app.request('http://localhost/ready');
      expect([response.status, await response.json()]).toEqual([200, { status: 'ready' }]);
    } finally {
      await fx.close();
    }
  });

  it('is 503 naming pending migrations on an unmigrated database, and database_unreachable once it is gone (other routes: 500 JSON)', async () => {
    const db = await createEmptyTestDatabase('hub_test_api_unmigrated');
    const orm = await openTestOrm(db.url);
    const sessions = createSessionFactory(orm);
    const logger = new LoggerService({ source: 'api', session: sessions.open, stdout: createStdoutLogger('api', 'silent') });
    const app = createApp({ sessions, oneC: oneCClientFor('http://127.0.0.1:9'), logger });
    try {
      const pending = await app.request('http://localhost/ready');
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ status: 'not_ready', reason: 'migrations_pending', message: expect.stringContaining('migrate') });
      await orm.close(true);
      const gone = await app.request('http://localhost/ready');
      expect(gone.status).toBe(503);
      expect(await gone.json()).toMatchObject({ reason: 'database_unreachable' });
      expect((await app.request('http://localhost/health')).status).toBe(200);
      // A scrape still answers: the process's metrics, without the outbox's gauges.
      const scrape = await app.request('http://localhost/metrics');
      expect(scrape.status).toBe(200);
      const metrics = await scrape.text();
      expect(metrics).toContain('\nhub_outbox_stats_up 0\n');
      expect(metrics).toContain('\nprocess_resident_memory_bytes ');
      expect(metrics).not.toMatch(/^hub_outbox_events\{/m);
      // Any other failure is a 500 with a request id to quote, never the driver's error or a stack.
      const failed = await app.request(WAREHOUSES);
      expect(failed.status).toBe(500);
      const body = (await failed.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).toContain(failed.headers.get('X-Request-ID') ?? 'missing header');
      expect(JSON.stringify(body)).not.toMatch(/\.ts:\d+|select|pool|knex/i);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  });
});
