import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createEmptyTestDatabase, findFreePort, oneCClientFor, openTestOrm } from '@hub/testing';
import { createApp } from './app';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const TOKEN = 'api-test-token-3b9d2f71c0';
const WAREHOUSES = 'http://localhost/api/v1/warehouses';

describe('bearer auth', () => {
  let open: ApiFixture;
  let guarded: ApiFixture;

  beforeAll(async () => {
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    [open, guarded] = await Promise.all([openApiFixture(oneC), openApiFixture(oneC, { apiToken: TOKEN })]);
  });
  afterAll(async () => {
    await Promise.all([open?.close(), guarded?.close()]);
  });

  it('is off without API_TOKEN', async () => {
    expect((await open.app.request(WAREHOUSES)).status).toBe(200);
  });

  it.each([
    ['no Authorization header', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['Basic instead of Bearer', { Authorization: `Basic ${TOKEN}` }],
  ])('answers 401 JSON for %s, without starting a run', async (_case, headers: Record<string, string>) => {
    const response = await guarded.app.request('http://localhost/api/v1/trigger/internal-replenishment', { method: 'POST', headers });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect(guarded.runs).toHaveLength(0);
  });

  it('lets the right token through, and leaves /health and /ready open', async () => {
    expect((await guarded.app.request(WAREHOUSES, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await guarded.app.request('http://localhost/health')).status).toBe(200);
    expect((await guarded.app.request('http://localhost/ready')).status).toBe(200);
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
