import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM } from '@hub/db';
import { cleanupExpiredLogs, createStdoutLogger, LoggerService } from '@hub/logging';
import { createTestDatabase, openTestOrm, useTestOrm, type TestDatabase } from '@hub/testing';
import { signedInAdmin, type SignedInAdmin } from '../testing/admin-session';
import { unusedLocalUrl } from '../testing/hub-api-stand-in';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy';

const NOW = new Date('2026-03-02T12:00:00Z');
const HOUR = 3_600_000;
const silent = createStdoutLogger('admin-test', 'silent');

async function page(app: SignedInAdmin, path: string): Promise<{ status: number; body: string }> {
  const response = await app.request(`http://localhost${path}`);
  return { status: response.status, body: await response.text() };
}

describe('logs page without the integration_logs table', () => {
  const database = useTestOrm();

  it('warns to apply the migrations instead of crashing', async () => {
    // Signing in needs the operators' table: only the logs' own table is missing.
    await database.sessions.open().execute('drop table integration_logs');
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent, now: () => NOW });
    const { status, body } = await page(app, '/logs?period=24h');
    expect(status).toBe(200);
    expect(body).toContain('The integration_logs table does not exist: apply the migrations (npm run migrate -- up)');
    expect(body).not.toContain('<table');
  });
});

describe('logs page on a migrated database', () => {
  const database = useTestOrm();
  let app: SignedInAdmin;
  const runId = '0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10';

  const insertLog = (hoursAgo: number, level: string, message: string, extra: { runId?: string; payload?: unknown } = {}) =>
    database.sessions
      .open()
      .execute(`insert into integration_logs (created_at, level, message, source, run_id, payload) values (?::timestamptz, ?, ?, 'api', ?::uuid, ?::jsonb)`, [
        new Date(NOW.getTime() - hoursAgo * HOUR).toISOString(),
        level,
        message,
        extra.runId ?? null,
        JSON.stringify(extra.payload ?? null),
      ]);

  beforeAll(async () => {
    app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent, now: () => NOW });
    await insertLog(30, 'INFO', 'older than a day');
    await insertLog(5, 'INFO', 'replenishment run started', { runId, payload: { warehouse: 'MSK-1', lines: 3 } });
    await insertLog(4, 'ERROR', 'transfer order rejected by 1C', { runId });
    await insertLog(3, 'WARNING', '<script>alert("pwned")</script>');
  });
  it('answers the health check', async () => {
    expect(await (await app.request('http://localhost/health')).json()).toEqual({ status: 'ok' });
  });

  it('says there are no entries, naming the period, when the period is empty', async () => {
    const { status, body } = await page(app, '/logs?period=1h');
    expect(status).toBe(200);
    expect(body).toContain('No log entries for the last hour.');
    expect(body).not.toContain('<table');
  });

  it('names a custom period and the filters in the empty message', async () => {
    const { body } = await page(app, '/logs?from=2026-03-01T00:00&to=2026-03-01T06:00&level=CRITICAL');
    expect(body).toContain('No log entries for 2026-03-01 00:00 – 2026-03-01 06:00 UTC matching the filters.');
  });

  it('shows the period newest first, with levels coloured and JSON in a details cell', async () => {
    const { status, body } = await page(app, '/logs?period=24h');
    expect(status).toBe(200);
    expect(body).toContain('3 log entries for the last 24 hours, newest first.');
    const order = ['&lt;script&gt;', 'transfer order rejected by 1C', 'replenishment run started'].map((text) => body.indexOf(text));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(body).not.toContain('older than a day');
    expect(body).toContain('<span class="level level-error">ERROR</span>');
    expect(body).toContain('2026-03-02 08:00:00.000');
    expect(body).toContain('<h4>Payload</h4><pre class="json">{\n  &quot;lines&quot;: 3,\n  &quot;warehouse&quot;: &quot;MSK-1&quot;\n}</pre>');
    // The run id links to the run and can be copied whole.
    expect(body).toContain(`<a href="/runs/${runId}">0b7e6f0e…</a></span><button type="button" class="copy" data-copy="${runId}"`);
  });

  it('escapes a message that contains markup', async () => {
    const { body } = await page(app, '/logs?period=24h');
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
  });

  it('filters by level and by run id', async () => {
    const errors = await page(app, '/logs?period=24h&level=ERROR');
    expect(errors.body).toContain('1 log entry for the last 24 hours matching the filters');
    expect(errors.body).toContain('transfer order rejected by 1C');
    expect(errors.body).not.toContain('replenishment run started');
    const run = await page(app, `/logs?period=24h&run_id=${runId}`);
    expect(run.body).toContain('replenishment run started');
    expect(run.body).not.toContain('&lt;script&gt;');
  });

  it('answers bad filters with 422 and a message naming the field, keeping what was typed', async () => {
    const badRun = await page(app, '/logs?period=24h&run_id=yesterday');
    expect(badRun.status).toBe(422);
    expect(badRun.body).toContain('run_id must be a UUID');
    expect(badRun.body).toContain('value="yesterday"');
    const badPeriod = await page(app, '/logs?period=2h');
    expect(badPeriod.status).toBe(422);
    expect(badPeriod.body).toContain('period must be one of 1h, 24h, 7d, 30d, custom');
    const backwards = await page(app, '/logs?from=2026-03-02T10:00&to=2026-03-02T09:00');
    expect(backwards.status).toBe(422);
    expect(backwards.body).toContain('from must be earlier than to');
    const noSuchDay = await page(app, '/logs?from=2026-02-30T10:00&to=2026-03-02T09:00');
    expect(noSuchDay.body).toContain('from is not a real date: 2026-02-30T10:00');
    expect(backwards.body).not.toMatch(/ZodError|at .*\.ts:\d+/);
  });

  it('filters by text in the message, any case, and keeps the filters in the form', async () => {
    const { body } = await page(app, '/logs?period=24h&text=REJECTED');
    expect(body).toContain('1 log entry for the last 24 hours matching the filters');
    expect(body).toContain('transfer order rejected by 1C');
    expect(body).toContain('name="text" value="REJECTED"');
  });

  it('pages older and back newer, 100 rows a page, keeping the filters in the links', async () => {
    await database.sessions
      .open()
      .execute(
        `insert into integration_logs (created_at, level, message, step) select ?::timestamptz - n * interval '1 second', 'DEBUG', 'bulk ' || n, 'bulk' from generate_series(1, 150) n`,
        [new Date(NOW.getTime() - 10 * HOUR).toISOString()],
      );
    const first = await page(app, '/logs?period=24h&step=bulk');
    expect(first.body).toContain('100 log entries for the last 24 hours matching the filters, newest first.');
    expect(first.body).toContain('>bulk 100<');
    expect(first.body).not.toContain('>bulk 101<');
    expect(first.body).toContain('<span class="hint">← Newer</span>');
    const olderLink = /<a href="(\/logs\?[^"]+)" rel="next">Older →<\/a>/.exec(first.body)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(olderLink).toMatch(/^\/logs\?period=24h&step=bulk&older=\d+$/);

    const second = await page(app, olderLink);
    expect(second.body).toContain('50 log entries');
    expect(second.body).toContain('>bulk 101<');
    expect(second.body).toContain('>bulk 150<');
    expect(second.body).toContain('<span class="hint">Older →</span>');
    const newerLink = /<a href="(\/logs\?[^"]+)" rel="prev">← Newer<\/a>/.exec(second.body)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const back = await page(app, newerLink);
    expect(back.body).toContain('>bulk 1<');
    expect(back.body).toContain('>bulk 100<');
    expect(back.body).toContain('<span class="hint">← Newer</span>');
  });

  it('shows and reads times in the zone it is given, naming it (Moscow is UTC+3)', async () => {
    const moscow = await signedInAdmin({
      sessions: database.sessions,
      apiBaseUrl: await unusedLocalUrl(),
      logger: silent,
      now: () => NOW,
      timeZone: 'Europe/Moscow',
    });
    const { body } = await page(moscow, '/logs?from=2026-03-02T10:30&to=2026-03-02T12:00');
    // 08:00 UTC is 11:00 in Moscow; the 09:00 UTC row (12:00 Moscow) is at the excluded end.
    expect(body).toContain('2026-03-02 11:00:00.000');
    expect(body).toContain('<th>Time (Europe/Moscow)</th>');
    expect(body).toContain('1 log entry for 2026-03-02 10:30 – 2026-03-02 12:00 Europe/Moscow');
    expect(body).toContain('transfer order rejected by 1C');
    expect(body).not.toContain('&lt;script&gt;');
  });

  it('answers a page link naming no row with 422 and a way back', async () => {
    const { status, body } = await page(app, '/logs?period=24h&older=999999999');
    expect(status).toBe(422);
    expect(body).toContain('the page link names no log row; start again from the newest page');
  });

  it('tells how long entries are kept, the oldest one, and the last cleanup once one has run', async () => {
    const before = await page(app, '/logs?period=24h');
    // The row written 30 hours before NOW, 06:00 UTC the day before.
    expect(before.body).toContain(
      '<p class="hint retention">Log entries are kept for 90 days; older ones are removed daily at 03:30 Moscow time. Oldest entry: 2026-03-01 06:00. No cleanup has run yet.</p>',
    );

    // The real cleanup, keeping one day at NOW: the 30-hour-old row goes, the cleanup logs itself.
    const logger = new LoggerService({ source: 'scheduler', session: database.sessions.open, stdout: silent });
    expect(await cleanupExpiredLogs({ sessions: database.sessions, logger }, { retention: { days: 1 }, now: () => NOW })).toMatchObject({
      status: 'completed',
      removed: 1,
    });
    const [cleanup] = await database.sessions
      .open()
      .execute<{ finished_at: string }[]>(
        `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as finished_at from integration_logs where job_name = 'cleanup_integration_logs_job'`,
        [],
        'all',
      );
    const finishedAt = cleanup!.finished_at;

    const after = await page(app, '/logs?period=24h');
    expect(after.body).toMatch(/Oldest entry: 2026-03-0\d \d\d:\d\d\. /);
    expect(after.body).not.toContain('Oldest entry: 2026-03-01 06:00.');
    expect(after.body).toContain(`Last cleanup: ${finishedAt}, removed 1 entry.</p>`);
    const russian = await signedInAdmin(
      { sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent, now: () => NOW },
      'operator',
      'test-ru',
      'ru',
    );
    expect((await page(russian, '/logs?period=24h')).body).toContain(`Последняя очистка — ${finishedAt}, удалено 1 запись.</p>`);
  });

  it('says the entries are kept forever when LOG_RETENTION_DAYS=0, without a cleanup to report', async () => {
    const forever = await signedInAdmin(
      { sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent, now: () => NOW, logRetention: { kind: 'keep-forever' } },
      'operator',
      'test-forever',
    );
    const { body } = await page(forever, '/logs?period=1h');
    expect(body).toMatch(/<p class="hint retention">Log entries are kept forever \(LOG_RETENTION_DAYS=0\)\. Oldest entry: [\d-]+ [\d:]+\.<\/p>/);
  });
});

describe('logs page when the database goes away', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let proxy: TcpProxy;

  beforeAll(async () => {
    db = await createTestDatabase();
    const url = new URL(db.url);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    url.host = proxy.address;
    orm = await openTestOrm(url.toString());
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('shows an error banner, not a stack trace, with 503', async () => {
    const app = await signedInAdmin({ sessions: createSessionFactory(orm), apiBaseUrl: await unusedLocalUrl(), logger: silent, now: () => NOW });
    await proxy.cut();
    const { status, body } = await page(app, '/logs?period=24h');
    expect(status).toBe(503);
    expect(body).toContain('The database did not answer');
    expect(body).toContain('class="notice error"');
    expect(body).not.toMatch(/ECONNREFUSED|at .*\.(ts|js):\d+/);
  });
});
