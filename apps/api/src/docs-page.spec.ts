import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, listenOnLoopback, oneCClientFor, type LoopbackServer } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

/** The machine's Chromium, never a downloaded one; nothing it would fetch by itself (updates, sync, …). */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
/** A browser on a loaded 2-core machine: bounded waits, generous bounds. */
const PATIENCE = { timeout: 20_000 };
/** Where the page's screenshot is left for a person to look at. */
const DOCS_SCREENSHOT = join(tmpdir(), 'integration-hub-api-docs.png');

describe('/docs in a browser', () => {
  let fx: ApiFixture;
  let server: LoopbackServer;
  let profile: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`));
    server = await listenOnLoopback(fx.app.fetch);
    profile = await mkdtemp(join(tmpdir(), 'hub-docs-chromium-'));
    browser = await chromium.launchPersistentContext(profile, CHROMIUM);
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await server?.close();
    await fx?.close();
  });

  it('renders every operation and tries one out, with no request leaving the API and no script error', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${server.url}/docs`);
    await page.locator('.opblock').first().waitFor();
    const document = (await (await fx.app.request('http://localhost/openapi.json')).json()) as { paths: Record<string, object> };
    const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
    await expect.poll(() => page.locator('.opblock').count(), PATIENCE).toBe(operations);
    await expect.poll(() => page.locator('.info .title').textContent(), PATIENCE).toContain('Integration Hub API');

    // "Try it out" on GET /health: the page calls the API it came from.
    const health = page.locator('#operations-operations-get_health');
    await health.locator('.opblock-summary').click();
    await health.getByRole('button', { name: 'Try it out' }).click();
    await health.getByRole('button', { name: 'Execute' }).click();
    await expect.poll(() => health.locator('.live-responses-table tbody .response-col_status').first().textContent(), PATIENCE).toContain('200');
    await page.screenshot({ path: DOCS_SCREENSHOT, fullPage: true });

    const elsewhere = requested.filter((url) => !url.startsWith(`${server.url}/`) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(requested).toEqual(expect.arrayContaining([`${server.url}/docs/swagger-ui-bundle.js`, `${server.url}/openapi.json`, `${server.url}/health`]));
    expect(problems).toEqual([]);
  });
});
