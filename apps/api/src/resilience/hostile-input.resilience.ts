/**
 * Issue 14, hostile input: thousands of generated requests over every route of the API's own
 * OpenAPI document, half with the API token and half without, over real HTTP on 127.0.0.1. No
 * answer is a 5xx, shows a trace or an internal message, or carries input unescaped into HTML or
 * a header; a body over the limit is a 413 before it is read.
 */
import type { RunOutcome } from '@hub/replenishment';
import { openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';
import { answerToUnfinishedRequest, describeTally, fuzzTargets, listenOnLoopback, rawHttpClient, type FuzzIdentity, type LoopbackServer } from '@hub/test-kit';
import { MAX_TRIGGER_BODY_BYTES } from '@hub/api-contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { routeName, targetsOfDocument, type OpenApiDocument } from '../testing/openapi-targets';

const TOKEN = 'fuzz-api-token-0123456789abcdef';
/** Per route of the document (13 today): over 6,000 cases in all, a little under a minute on two busy cores. */
const CASES_PER_ROUTE = 500;
const TRIGGER = '/api/v1/trigger/internal-replenishment';

const identities: FuzzIdentity[] = [
  { name: 'with token', dress: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${TOKEN}` } }) },
  { name: 'without token', dress: (request) => request },
];

describe('api under hostile input', () => {
  let sandbox: SandboxProcess;
  let database: LoggedTestDatabase;
  let server: LoopbackServer;
  let client: ReturnType<typeof rawHttpClient>;
  const runs: Promise<RunOutcome>[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    database = await openLoggedTestDatabase('hub_fuzz_api', 'api');
    const app = createApp({ sessions: database.sessions, oneC: sandbox.oneC, logger: database.logger, apiToken: TOKEN, onRunStarted: (run) => runs.push(run) });
    server = await listenOnLoopback(app.fetch);
    client = rawHttpClient(server.url);
    // One real run first, so runs, orders and outbox events exist and some ids are found.
    const started = await client.send({ method: 'POST', path: TRIGGER, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(started.status).toBe(202);
    await Promise.all(runs);
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
    await Promise.all(runs);
    await database?.close();
    await sandbox?.stop();
  });

  it('answers every route of its document without a 5xx, a leak or an unescaped reflection', async () => {
    const documentAnswer = await client.send({ method: 'GET', path: '/openapi.json' });
    const targets = targetsOfDocument(JSON.parse(documentAnswer.body) as OpenApiDocument);
    const known = async (sql: string) => (await database.query<{ id: string }>(sql)).map((row) => row.id);
    const knownIds = [...(await known('select id::text as id from replenishment_runs')), ...(await known('select id::text as id from outbox_events limit 5'))];
    const unknownRoutes = [
      { method: 'get', path: '/api/v1/{x}', query: [], bodyFields: [] },
      { method: 'post', path: '/{x}/{y}', query: [], bodyFields: [] },
    ];

    const tally = await fuzzTargets({
      targets: [...targets.map((target) => ({ ...target, knownIds })), ...unknownRoutes],
      identities,
      bodyLimit: MAX_TRIGGER_BODY_BYTES,
      casesPerTarget: CASES_PER_ROUTE,
      send: client.send,
      // Without the token nothing under /api is answered but the refusal (or a 413 or 431, which come first).
      check: (request, identity, response) =>
        identity.name === 'without token' && request.path.startsWith('/api/') && ![401, 413, 431].includes(response.status) ?
          [`answered ${response.status} without a token`]
        : [],
    });
    process.stdout.write(describeTally('api', tally));

    // Coverage: every route of the document was tried, and with the token some cases got past authentication.
    expect(targets.length).toBeGreaterThanOrEqual(13);
    for (const target of targets) {
      expect(tally.perTarget.get(routeName(target)), routeName(target)).toBe(CASES_PER_ROUTE);
      const statuses = tally.statusesByTargetAndIdentity.get(`${routeName(target)} with token`) ?? new Set();
      expect(
        [...statuses].some((status) => status !== 401),
        `${routeName(target)} never got past the token`,
      ).toBe(true);
    }
    expect(tally.total).toBeGreaterThanOrEqual(6_000);
  });

  describe('a body over the limit is refused before it is read', () => {
    // The runs the fuzzer started write as they end: counts are compared once they have.
    beforeAll(() => Promise.all(runs));
    const head = (path: string, framing: string) =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\n${framing}\r\n`;
    const written = async () => ({
      runs: (await database.query<{ n: string }>('select count(*)::text as n from replenishment_runs'))[0]?.n,
      logs: (await database.query<{ n: string }>('select count(*)::text as n from integration_logs'))[0]?.n,
    });

    it.each(['/api/v1/trigger/internal-replenishment', '/api/v1/outbox/00000000-0000-4000-8000-000000000000/retry', '/health', '/nowhere'])(
      '%s: a declared Content-Length over the limit is a 413 while the body is still unsent, and nothing is written',
      async (path) => {
        const before = await written();
        // Only the start of a valid body is sent: the answer cannot have waited for (or parsed) the rest.
        const answer = await answerToUnfinishedRequest(
          server.url,
          Buffer.from(head(path, `Content-Length: ${MAX_TRIGGER_BODY_BYTES * 100}\r\n`) + '{"warehouse_id": '),
        );
        expect(answer.status).toBe(413);
        expect(await written()).toEqual(before);
      },
    );

    it('a chunked body without Content-Length is a 413 once it passes the limit, before it ends, and nothing is written', async () => {
      const before = await written();
      const chunk = `{"trigger": "endpoint", "pad": "${'x'.repeat(MAX_TRIGGER_BODY_BYTES)}`;
      // One chunk larger than the limit and no terminating chunk: the body never ends.
      const bytes = head(TRIGGER, 'Transfer-Encoding: chunked\r\n') + `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`;
      const answer = await answerToUnfinishedRequest(server.url, Buffer.from(bytes));
      expect(answer.status).toBe(413);
      expect(await written()).toEqual(before);
    });

    it('a body at the limit is still read (the 413 is about size, not about bodies)', async () => {
      const body = Buffer.from(JSON.stringify({ trigger: 'endpoint' }).padEnd(MAX_TRIGGER_BODY_BYTES, ' '));
      const answer = await client.send({ method: 'POST', path: `${TRIGGER}?dry_run=true`, headers: { authorization: `Bearer ${TOKEN}` }, body });
      expect(answer.status).toBe(200);
    });
  });
});
