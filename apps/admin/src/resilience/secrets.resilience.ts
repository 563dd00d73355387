import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { createTestDatabase, startSandboxProcess, waitFor, type SandboxProcess, type TestDatabase } from '@hub/testing';
import { startEchoingUpstream, type EchoingUpstream } from '../testing/echoing-upstream';
import { startRecordedProcess, type RecordedProcess } from '../testing/recorded-process';

// Recognisable and unique to this run: a leak anywhere is a plain substring.
const run = `q${randomBytes(6).toString('hex')}`;
const planted = {
  API_TOKEN: `PLANTED-SECRET-api-token-${run}`,
  MOYSKLAD_TOKEN: `PLANTED-SECRET-moysklad-${run}`,
  ONEC_PASSWORD: `PLANTED-SECRET-1c-password-${run}`,
  DATABASE_PASSWORD: `PLANTED-SECRET-db-password-${run}`,
  ADMIN_PASSWORD: `PLANTED-SECRET-admin-password-${run}`,
  /** Sent only in request headers (a wrong token, a cookie, a sign-in password). */
  HEADER: `PLANTED-SECRET-header-${run}`,
};
const base64 = (text: string) => Buffer.from(text).toString('base64');
/** Every form a planted value could leak in: itself, as Basic credentials, and the run's marker alone (a cut-off leak). */
const SEARCHED: Record<string, string> = {
  ...planted,
  'ONEC_PASSWORD as Basic': base64(`hub:${planted.ONEC_PASSWORD}`),
  'HEADER as Basic': base64(`hub:${planted.HEADER}`),
  'the marker alone': run,
};
const ADMIN = 'planted-operator';
const FORM = 'application/x-www-form-urlencoded';

describe('secrets planted in configuration, request headers and upstream answers', () => {
  let db: TestDatabase;
  let sandbox: SandboxProcess;
  let upstream: EchoingUpstream;
  let api: RecordedProcess;
  let scheduler: RecordedProcess;
  let admin: RecordedProcess;
  let apiUrl: string;
  let adminUrl: string;
  /** Every answer body the spec received: error bodies and admin pages, by where they came from. */
  const received: Array<[string, string]> = [];

  let client: Client;
  const query = async <T>(sql: string): Promise<T[]> => (await client.query(sql)).rows as T[];
  const keep = async (place: string, response: Response) => {
    received.push([place, `${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n\n${await response.text()}`]);
    return response;
  };

  beforeAll(async () => {
    db = await createTestDatabase('hub_test_secrets');
    client = new Client({ connectionString: db.url });
    await client.connect();
    const databaseUrl = new URL(db.url);
    // PostgreSQL trusts the test's connections, so the password is carried, not checked: a secret to keep, nothing more.
    databaseUrl.password = planted.DATABASE_PASSWORD;
    sandbox = await startSandboxProcess({ env: { ONEC_PASSWORD: planted.ONEC_PASSWORD, MOYSKLAD_TOKEN: planted.MOYSKLAD_TOKEN } });
    upstream = await startEchoingUpstream(sandbox.baseUrl);
    const hub = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl.toString(),
      ONEC_BASE_URL: upstream.url,
      ONEC_USERNAME: 'hub',
      ONEC_PASSWORD: planted.ONEC_PASSWORD,
      MOYSKLAD_BASE_URL: upstream.url,
      MOYSKLAD_TOKEN: planted.MOYSKLAD_TOKEN,
      API_TOKEN: planted.API_TOKEN,
    };
    api = startRecordedProcess('api', 'apps/api/src/main.ts', { ...hub, API_HOST: '127.0.0.1', API_PORT: '0' });
    apiUrl = await api.listeningUrl('api listening');
    scheduler = startRecordedProcess('scheduler', 'apps/scheduler/src/main.ts', {
      ...hub,
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_BACKOFF_BASE_MS: '100',
      OUTBOX_BACKOFF_MAX_MS: '400',
    });
    admin = startRecordedProcess('admin', 'apps/admin/src/main.ts', {
      ...hub,
      API_URL: apiUrl,
      ADMIN_HOST: '127.0.0.1',
      ADMIN_PORT: '0',
      ADMIN_USERNAME: ADMIN,
      ADMIN_PASSWORD: planted.ADMIN_PASSWORD,
    });
    adminUrl = await admin.listeningUrl('admin listening');
    await scheduler.waitForLine('"scheduler started"', (line) => line.includes('"msg":"scheduler started"'));
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), scheduler?.stop(), admin?.stop()]);
    await upstream?.close();
    await sandbox?.stop();
    await client?.end();
    await db?.drop();
  });

  const runStatuses = () => query<{ status: string }>('select status from replenishment_runs order by created_at');

  it('keeps every one out of the database, the processes’ output, error bodies and admin pages', async () => {
    // Wrong credentials in every header the api and the admin read.
    const trigger = `${apiUrl}/api/v1/trigger/internal-replenishment`;
    const wrongCredentials: Record<string, Record<string, string>> = {
      bearer: { authorization: `Bearer ${planted.HEADER}` },
      'x-admin-token': { 'x-admin-token': planted.HEADER },
      basic: { authorization: `Basic ${base64(`hub:${planted.HEADER}`)}` },
      cookie: { cookie: `session=${planted.HEADER}; hub_admin_session=${planted.HEADER}` },
    };
    for (const [name, headers] of Object.entries(wrongCredentials)) {
      expect((await keep(`api 401 (${name})`, await fetch(trigger, { method: 'POST', headers }))).status).toBe(401);
      expect((await keep(`api 401 read (${name})`, await fetch(`${apiUrl}/api/v1/runs`, { headers }))).status).toBe(401);
    }
    const forgedSession = await fetch(`${adminUrl}/logs`, { redirect: 'manual', headers: { cookie: `hub_admin_session=${planted.HEADER}` } });
    expect((await keep('admin with a forged session cookie', forgedSession)).status).toBe(303);
    const signIn = (password: string) =>
      fetch(`${adminUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: adminUrl, 'content-type': FORM },
        body: new URLSearchParams({ username: ADMIN, password, next: '/' }),
      });
    expect((await keep('admin sign-in with a wrong password', await signIn(planted.HEADER))).status).toBe(401);
    const signedIn = await keep('admin sign-in', await signIn(planted.ADMIN_PASSWORD));
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^hub_admin_session=./);
    const page = async (path: string) => {
      const response = await fetch(`${adminUrl}${path}`, { redirect: 'manual', headers: { cookie } });
      return keep(`admin ${path}`, response);
    };
    const post = (path: string) =>
      fetch(`${adminUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, origin: adminUrl, 'content-type': FORM }, body: '' });

    // A run from the admin while 1С answers every read with the credentials it was sent: the run fails.
    upstream.echo(10_000, 'GET');
    expect((await keep('admin trigger', await post('/actions/trigger-replenishment'))).status).toBe(303);
    await waitFor(async () => ((await runStatuses()).at(-1)?.status === 'failed' ? true : undefined), 60_000, 'the first run to fail on the echoed error');
    upstream.echo(0);

    // A run through the api, then deliveries whose first attempts meet the echo (1С and МойСклад alike).
    const started = await fetch(trigger, { method: 'POST', headers: { authorization: `Bearer ${planted.API_TOKEN}` } });
    expect(started.status).toBe(202);
    await waitFor(
      async () => ((await runStatuses()).at(-1)?.status === 'succeeded' ? true : undefined),
      60_000,
      async () => `the second run to succeed: ${JSON.stringify(await runStatuses())}`,
    );
    upstream.echo(6, 'POST');
    await waitFor(
      async () => {
        const [row] = await query<{ pending: number; total: number }>(
          "select count(*) filter (where status <> 'delivered')::int as pending, count(*)::int as total from outbox_events",
        );
        return row !== undefined && row.total > 0 && row.pending === 0 ? true : undefined;
      },
      120_000,
      'every outbox event delivered after the echoed failures',
    );
    // The hub was handed its 1С password and its МойСклад token in the answers, and kept those answers' failures.
    const echoes = upstream.echoes();
    expect(echoes.length).toBeGreaterThan(6);
    expect(echoes.some((body) => body.includes(planted.ONEC_PASSWORD))).toBe(true);
    expect(echoes.some((body) => body.includes(planted.MOYSKLAD_TOKEN))).toBe(true);
    // МойСклад's error text reaches the stored failure (1С's is summarised by status): with the echoed token redacted.
    const [kept] = await query<{ errors: number }>(
      "select count(*)::int as errors from integration_logs where details::text like '%moysklad POST%answered HTTP 500%[redacted]%'",
    );
    expect(Number(kept?.errors)).toBeGreaterThan(0);
    // A dead event retried from the admin (the admin → api write with the token), delivered through one more echo.
    const [dead] = await query<{ id: string }>(
      "update outbox_events set status = 'dead', delivered_at = null where id = (select id from outbox_events order by created_at limit 1) returning id",
    );
    upstream.echo(1, 'POST');
    expect((await keep('admin retry', await post(`/outbox/${dead?.id}/retry`))).status).toBe(303);
    await waitFor(
      async () => {
        const [row] = await query<{ status: string; retries: number }>(
          `select status, (select count(*)::int from integration_logs where step = 'outbox_retry') as retries from outbox_events where id = '${dead?.id}'`,
        );
        return row?.status === 'delivered' && row.retries === 1 ? true : undefined;
      },
      60_000,
      'the retried event to be delivered again',
    );
    const runs = await query<{ id: string }>('select id from replenishment_runs');
    for (const path of ['/', '/logs', '/logs?level=ERROR', '/runs', ...runs.map(({ id }) => `/runs/${id}`), '/outbox', '/runs/new']) {
      expect((await page(path)).status).toBe(200);
    }
    await Promise.all([api.stop(), scheduler.stop(), admin.stop()]);

    // Every table, every row as text.
    const tables = await query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    );
    const places: Array<[string, string]> = [...received];
    for (const { name } of tables) {
      const rows = await query<{ row: string }>(`select t::text as row from "${name.replace(/"/g, '""')}" t`);
      places.push([`table ${name} (${rows.length} rows)`, rows.map(({ row }) => row).join('\n')]);
    }
    for (const process of [api, scheduler, admin]) places.push([`${process.name} stdout`, process.stdout()], [`${process.name} stderr`, process.stderr()]);

    const found = places.flatMap(([place, text]) =>
      Object.entries(SEARCHED)
        .filter(([, secret]) => text.includes(secret))
        .map(([what]) => `${what} in ${place}`),
    );
    console.info(
      `secrets: ${Object.keys(SEARCHED).length} planted forms searched in ${places.length} places (${tables.length} tables, 6 process streams, ${received.length} answers); ${upstream.echoes().length} upstream answers echoed credentials; found ${found.length}`,
    );
    expect(found).toEqual([]);
  });
});
