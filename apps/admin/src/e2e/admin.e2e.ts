/**
 * The admin in a real browser (Debian's Chromium through playwright-core) against the real API
 * and sandbox processes and the admin's own HTTP server, all on 127.0.0.1 with ports the OS
 * picks. One flow, step by step, as an operator and a viewer would use it; each page is
 * photographed at 1280 and 390 px into tmp/screenshots (git-ignored). The browser starts with
 * no language cookie, so the pages are Russian until the flow switches to English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM, type SessionFactory } from '@hub/db';
import { cleanupExpiredLogs, createStdoutLogger, LoggerService } from '@hub/logging';
import { catalogFromOneC, seedOrder } from '@hub/orders/testing';
import { DEAD_EVENT, updateEvent } from '@hub/outbox/testing';
import {
  createTestDatabase,
  listenOnLoopback,
  openTestOrm,
  startApiProcess,
  startSandboxProcess,
  waitFor,
  type ApiProcess,
  type LoopbackServer,
  type SandboxProcess,
  type TestDatabase,
} from '@hub/testing';
import { createAdminApp } from '../app';
import { en } from '../i18n/en';
import { ru } from '../i18n/ru';
import { createTestOperator, TEST_PASSWORD } from '../testing/admin-session';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(process.cwd(), 'tmp', 'screenshots');
const WIDTHS = [1280, 390] as const;

describe('the admin in a browser', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sessions: SessionFactory;
  let sandbox: SandboxProcess;
  let api: ApiProcess;
  let admin: LoopbackServer;
  let browser: Browser;
  let page: Page;
  let deadEventId: string;

  /** The page as it is now, full length, at each width. */
  async function shoot(name: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function signIn(username: string, password: string): Promise<void> {
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('form.sign-in button[type="submit"]');
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await createTestDatabase();
    orm = await openTestOrm(db.url);
    sessions = createSessionFactory(orm);
    sandbox = await startSandboxProcess();
    api = await startApiProcess({ databaseUrl: db.url, oneCBaseUrl: sandbox.baseUrl });
    const app = createAdminApp({ sessions, apiBaseUrl: api.url, logger: createStdoutLogger('admin-e2e', 'silent') });
    admin = await listenOnLoopback(app.fetch);
    await createTestOperator(sessions, 'e2e-operator', 'operator');
    await createTestOperator(sessions, 'e2e-viewer', 'viewer');

    // Enough log rows for more than one page, and one with a payload to open.
    await sessions
      .open()
      .execute(
        `insert into integration_logs (created_at, level, message, step) select now() - n * interval '1 second', 'INFO', 'bulk row ' || n, 'bulk' from generate_series(1, 150) n`,
      );
    await sessions
      .open()
      .execute(
        `insert into integration_logs (level, message, source, payload) values ('WARNING', 'payload row', 'api', '{"warehouse": "MSK-1", "lines": [1, 2]}'::jsonb)`,
      );
    // Three rows past the 90 days, removed by the real cleanup, which the logs page then reports.
    await sessions
      .open()
      .execute(
        `insert into integration_logs (created_at, level, message) select now() - interval '100 days' - n * interval '1 hour', 'INFO', 'expired row ' || n from generate_series(1, 3) n`,
      );
    const cleanupLogger = new LoggerService({ source: 'scheduler', session: sessions.open, stdout: createStdoutLogger('scheduler-e2e', 'silent') });
    await cleanupExpiredLogs({ sessions, logger: cleanupLogger }, { retention: { days: 90 } });
    // Named as 1С names them, so the run started below adopts the same warehouses and product.
    const { eventId } = await seedOrder(sessions, { status: 'failed', catalog: await catalogFromOneC(sandbox.oneC) });
    await updateEvent(sessions, eventId, DEAD_EVENT);
    deadEventId = eventId;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await admin?.close();
    await api?.stop();
    await sandbox?.stop();
    await orm?.close(true);
    await db?.drop();
  });

  it('sends an anonymous visitor to sign in, and refuses a wrong password', async () => {
    await page.goto(`${admin.url}/logs`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await shoot('sign-in');
    await signIn('e2e-operator', 'not the password at all');
    await expect(page.locator('.notice.error').textContent()).resolves.toContain(ru.signIn.refused);
    expect(new URL(page.url()).pathname).toBe('/login');
    await shoot('sign-in-refused');
  });

  it('signs in as an operator and lands on the page asked for', async () => {
    await signIn('e2e-operator', TEST_PASSWORD);
    await page.waitForURL(`${admin.url}/logs`);
    await expect(page.locator('.who').textContent()).resolves.toBe(`e2e-operator · ${ru.app.roles.operator}`);
    const retention = await page.locator('p.retention').textContent();
    expect(retention).toContain(ru.logs.retention.days(90));
    expect(retention).toMatch(/Последняя очистка — \d{4}-\d\d-\d\d \d\d:\d\d, удалено 3 записи\.$/);
    await shoot('logs');
  });

  it('filters the logs and pages older and back newer', async () => {
    await page.fill('input[name="step"]', 'bulk');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/step=bulk/);
    await expect(page.locator('p.result-count').textContent()).resolves.toBe(ru.logs.count(100, ru.logs.presetPhrases['24h'], true));
    await page.locator('a[rel="next"]').first().click();
    await page.waitForURL(/older=\d+/);
    await expect(page.locator('p.result-count').textContent()).resolves.toBe(ru.logs.count(50, ru.logs.presetPhrases['24h'], true));
    await expect(page.locator('summary', { hasText: 'bulk row 150' }).count()).resolves.toBe(1);
    await shoot('logs-older');
    await page.locator('a[rel="prev"]').first().click();
    await page.waitForURL(/newer=\d+/);
    await expect(page.locator('summary', { hasText: 'bulk row 1' }).first().isVisible()).resolves.toBe(true);
    await expect(page.locator('summary', { hasText: 'bulk row 150' }).count()).resolves.toBe(0);
  });

  it("opens a row's payload as formatted JSON", async () => {
    await page.goto(`${admin.url}/logs?text=payload`);
    await page.click('summary:has-text("payload row")');
    const json = page.locator('details[open] pre.json');
    await expect(json.first().textContent()).resolves.toContain('"warehouse": "MSK-1"');
    await shoot('logs-payload');
  });

  it('previews a run for all warehouses and starts it, landing on its page', async () => {
    await page.click(`nav a:has-text("${ru.nav.newRun}")`);
    await page.selectOption('select[name="warehouse_id"]', '');
    await page.click(`button:has-text("${ru.newRun.preview}")`);
    await page.waitForSelector(`text=${ru.newRun.previewHeading}`, { timeout: 60_000 });
    await expect(page.locator('table.lines').count()).resolves.toBeGreaterThan(0);
    // Over a thousand units are planned; Russian writes the thousands apart (1 824).
    await expect(page.locator('ul.counts').textContent()).resolves.toMatch(/\d[\u00a0\u202f ]\d{3} /u);
    await shoot('new-run-preview');
    await page.click(`button:has-text("${ru.newRun.start}")`);
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await expect(page.locator(`dt:has-text("${ru.runs.facts.startedBy}") + dd`).textContent()).resolves.toBe('e2e-operator');
    const runId = new URL(page.url()).pathname.split('/').at(-1);
    const ended = await waitFor(
      async () => {
        const [run] = await sessions
          .open()
          .execute<{ status: string; error: string | null }[]>('select status, error from replenishment_runs where id = ?', [runId]);
        return run?.status === 'succeeded' || run?.status === 'failed' ? run : undefined;
      },
      60_000,
      `run ${runId} to end`,
    );
    expect(ended).toEqual({ status: 'succeeded', error: null });
    await page.reload();
    await shoot('run');
  });

  it('retries a dead event as an operator', async () => {
    await page.goto(`${admin.url}/outbox?status=dead`);
    await shoot('outbox');
    await page.click(`form[action="/outbox/${deadEventId}/retry"] button`);
    await expect(page.locator('.notice.success').textContent()).resolves.toContain('снова ожидает доставки');
    const [row] = await sessions.open().execute<{ status: string }[]>('select status from outbox_events where id = ?', [deadEventId]);
    expect(row?.status).toBe('pending');
    const [audit] = await sessions
      .open()
      .execute<{ operator: string }[]>(
        `select details->>'operator' as operator from integration_logs where step = 'outbox_retry' and payload->>'eventId' = ?`,
        [deadEventId],
      );
    expect(audit?.operator).toBe('e2e-operator');
  });

  it('shows home: the outbox, the two charts and the last runs', async () => {
    await page.click(`nav a:has-text("${ru.nav.home}")`);
    await expect(page.locator('figure.chart svg').count()).resolves.toBe(2);
    await expect(page.locator('table.runs').textContent()).resolves.toContain(ru.runs.by('e2e-operator'));
    await shoot('home');
  });

  it('shows the runs list', async () => {
    await page.goto(`${admin.url}/runs`);
    await expect(page.locator('table.runs').textContent()).resolves.toContain(ru.runs.by('e2e-operator'));
    await shoot('runs');
  });

  it('switches to English from the header, and remembers it on the next pages and after signing out', async () => {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await page.click('nav.lang a:has-text("EN")');
    await page.waitForURL(`${admin.url}/runs`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('table.runs').textContent()).resolves.toContain(en.runs.by('e2e-operator'));
    await page.click(`nav a:has-text("${en.nav.home}")`);
    await expect(page.locator('h2').first().textContent()).resolves.toBe(en.home.outbox);
    await expect(page.locator('figure.chart figcaption').first().textContent()).resolves.toContain('Runs, last 14 days');
    await shoot('home-en');
    const cookies = await page.context().cookies();
    expect(cookies.find((cookie) => cookie.name === 'lang')).toMatchObject({ value: 'en', httpOnly: true, sameSite: 'Lax' });
  });

  it('logs out: the next page asks to sign in again', async () => {
    await page.click('form.operator button');
    await page.waitForURL(`${admin.url}/login?signed_out=1`);
    await page.goto(`${admin.url}/runs`);
    expect(new URL(page.url()).pathname).toBe('/login');
    // The language outlives the session.
    await expect(page.locator('form.sign-in button').textContent()).resolves.toBe(en.signIn.submit);
    await shoot('sign-in-en');
  });

  it('lets a viewer read but answers their attempt to start a run with 403', async () => {
    await signIn('e2e-viewer', TEST_PASSWORD);
    await page.waitForURL(`${admin.url}/runs`);
    await page.goto(`${admin.url}/outbox`);
    await expect(page.locator('form.retry').count()).resolves.toBe(0);
    const status = await page.evaluate(async () => (await fetch('/actions/trigger-replenishment', { method: 'POST', body: new URLSearchParams() })).status);
    expect(status).toBe(403);
    await page.goto(`${admin.url}/runs/new?preview=1`);
    await page.waitForSelector(`text=${en.newRun.viewerCannotStart}`, { timeout: 60_000 });
    await shoot('new-run-viewer');
    await page.click('form.operator button');
    await page.waitForURL(`${admin.url}/login?signed_out=1`);
  });
});
