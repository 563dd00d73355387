/**
 * Issue 14, "start without a database": each app that needs PostgreSQL (api, scheduler, admin)
 * retries with backoff for DATABASE_CONNECT_TIMEOUT_MS, logging every attempt on stdout, then
 * exits non-zero with one clear line; a database that appears within the window is used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbeddedCluster,
  findFreePort,
  hubAppEnv,
  messageStartsWith,
  spawnHubProcess,
  startSandboxProcess,
  type EmbeddedCluster,
  type HubApp,
  type HubProcess,
  type SandboxProcess,
} from '@hub/testing';

const APPS: HubApp[] = ['api', 'scheduler', 'admin'];
const PASSWORD = 'postgres';
const isAttempt = (line: Record<string, unknown>) =>
  typeof line['attempt'] === 'number' && typeof line['msg'] === 'string' && line['msg'].startsWith('PostgreSQL at ');
/** The line each app writes once it serves. */
const READY_LINE: Record<HubApp, string> = { api: 'api listening', scheduler: 'scheduler started', admin: 'admin listening' };

describe('an app started without a database', () => {
  let sandbox: SandboxProcess;
  let cluster: EmbeddedCluster;
  const started: HubProcess[] = [];

  beforeAll(async () => {
    [sandbox, cluster] = await Promise.all([startSandboxProcess(), createEmbeddedCluster()]);
  });
  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
    await Promise.all([sandbox?.stop(), cluster?.remove()]);
  });

  function start(app: HubApp, databaseUrl: string, timeoutMs: number): HubProcess {
    const env = {
      ...hubAppEnv({ databaseUrl, oneCBaseUrl: sandbox.baseUrl }),
      MOYSKLAD_BASE_URL: sandbox.baseUrl,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      ADMIN_HOST: '127.0.0.1',
      ADMIN_PORT: '0',
      DATABASE_CONNECT_TIMEOUT_MS: String(timeoutMs),
    };
    const process = spawnHubProcess(app, env);
    started.push(process);
    return process;
  }

  it('retries with backoff, logging each attempt without the password, then exits 1 with one line', async () => {
    const nobody = `postgres://postgres:${PASSWORD}@127.0.0.1:${await findFreePort()}/postgres`;
    const apps = APPS.map((app) => ({ app, process: start(app, nobody, 2_000) }));
    const outcomes = await Promise.all(apps.map(async ({ app, process }) => ({ app, ended: await process.ended, lines: process.lines() })));

    for (const { app, ended, lines } of outcomes) {
      expect(ended, app).toMatchObject({ code: 1 });
      const attempts = lines.filter(isAttempt);
      // 250 ms, 500 ms, 1 s: at least three retries fit in 2 s, each waiting longer than the last.
      expect(attempts.length, app).toBeGreaterThanOrEqual(3);
      expect(
        attempts.map((line) => line['attempt']),
        app,
      ).toEqual(attempts.map((_, index) => index + 1));
      const delays = attempts.map((line) => line['delayMs'] as number);
      expect(delays.slice(0, 2), app).toEqual([250, 500]);
      for (const line of attempts) {
        expect(line, app).toMatchObject({
          level: 'WARNING',
          database: expect.stringMatching(/^postgres@127\.0\.0\.1:\d+\/postgres$/),
          reason: expect.stringContaining('ECONNREFUSED'),
        });
      }
      const fatal = lines.filter((line) => line['level'] === 'CRITICAL');
      expect(fatal, app).toHaveLength(1);
      expect(fatal[0]?.['msg'], app).toMatch(
        new RegExp(
          `^${app} failed to start: Cannot connect to PostgreSQL at postgres@127\\.0\\.0\\.1:\\d+/postgres: gave up after ${attempts.length + 1} attempt\\(s\\) over 2000 ms \\(DATABASE_CONNECT_TIMEOUT_MS\\); last error: .*ECONNREFUSED`,
        ),
      );
      // One line the operator reads: the reason and the fix, not a stack.
      expect(fatal[0]?.['err'], app).toBeUndefined();
      expect(JSON.stringify(lines), app).not.toContain(`:${PASSWORD}@`);
      // Nothing after the verdict: the app did not go on to serve.
      expect(lines.some(messageStartsWith(READY_LINE[app])), app).toBe(false);
    }
  });

  it('starts normally once PostgreSQL appears during the retry window', async () => {
    const apps = APPS.map((app) => ({ app, process: start(app, cluster.url, 60_000) }));
    await Promise.all(apps.map(({ app, process }) => process.logged(`${app}'s first failed attempt`, isAttempt, 60_000)));
    await cluster.start();

    const ready = await Promise.all(apps.map(({ app, process }) => process.logged(`"${READY_LINE[app]}"`, messageStartsWith(READY_LINE[app]), 60_000)));
    const apiUrl = String(ready[0]?.['url']);
    const readiness = await fetch(`${apiUrl}/ready`);
    expect(readiness.status).toBe(200);
    const adminUrl = String(ready[2]?.['url']);
    expect((await fetch(`${adminUrl}/health`)).status).toBe(200);
    for (const { app, process } of apps) {
      expect(process.lines().filter(isAttempt).length, app).toBeGreaterThanOrEqual(1);
      expect(
        process.lines().filter((line) => line['level'] === 'CRITICAL'),
        app,
      ).toEqual([]);
    }
  });
});
