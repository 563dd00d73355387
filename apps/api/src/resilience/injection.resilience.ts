/**
 * Issue 14, injection: the API's filters and ids given SQL, LIKE wildcards, backslashes, JSON
 * path, HTML and header-splitting text. Each filter is a closed set (statuses, triggers, event
 * types, UUIDs), so such text is a 422 naming the field, with JSON that carries it escaped and no
 * header it planted; stored text holding it comes back exactly as it was stored, from exactly
 * the rows the filter names.
 */
import { randomUUID } from 'node:crypto';
import { findFreePort, oneCClientFor, openLoggedTestDatabase, type LoggedTestDatabase } from '@hub/testing';
import { HEADER_SPLITTING, listenOnLoopback, problemsOf, rawHttpClient, XSS_MARKERS, type LoopbackServer, type RawResponse } from '@hub/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';

const TOKEN = 'injection-api-token-0123456789';
const PAYLOADS = [
  "' OR 1=1 --",
  "'; drop table replenishment_runs; --",
  '%',
  '_',
  '\\',
  '%_%',
  '$.x ? (@ == 1)',
  'failed%',
  'fail_d',
  XSS_MARKERS[0],
  XSS_MARKERS[1],
  HEADER_SPLITTING,
] as const;

describe('api filters under injection', () => {
  let database: LoggedTestDatabase;
  let server: LoopbackServer;
  let client: ReturnType<typeof rawHttpClient>;
  const failedRuns = new Map<string, string>();
  const get = (path: string): Promise<RawResponse> => client.send({ method: 'GET', path, headers: { authorization: `Bearer ${TOKEN}` } });

  beforeAll(async () => {
    database = await openLoggedTestDatabase('hub_injection_api', 'api');
    // Nothing here reaches 1С: an address nobody answers on.
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    server = await listenOnLoopback(createApp({ sessions: database.sessions, oneC, logger: database.logger, apiToken: TOKEN }).fetch);
    client = rawHttpClient(server.url);
    // A failed run per payload, its error holding the payload; one succeeded run as a decoy for the status filter.
    for (const [index, payload] of [...PAYLOADS, null].entries()) {
      const id = randomUUID();
      await database.query(
        `insert into replenishment_runs (id, trigger, parameters, status, counts, error, created_at, started_at, finished_at)
         values (?::uuid, 'endpoint', '{}'::jsonb, ?, '{}'::jsonb, ?, now() - ? * interval '1 minute', now() - ? * interval '1 minute', now() - ? * interval '1 minute')`,
        [id, payload === null ? 'succeeded' : 'failed', payload === null ? null : `run ${index}: ${payload}`, index + 1, index + 1, index + 1],
      );
      if (payload !== null) failedRuns.set(id, `run ${index}: ${payload}`);
    }
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
    await database?.close();
  });

  it('the status filter returns exactly the failed runs, their hostile errors byte for byte', async () => {
    const answer = await get('/api/v1/runs?status=failed&limit=200');
    expect(problemsOf(answer)).toEqual([]);
    expect(answer.status).toBe(200);
    const { items } = JSON.parse(answer.body) as { items: { id: string; error: string | null }[] };
    expect(new Map(items.map((run) => [run.id, run.error]))).toEqual(failedRuns);
  });

  const refusals: [string, string, string][] = PAYLOADS.flatMap((payload) => {
    const value = encodeURIComponent(payload);
    return [
      ['/api/v1/runs?status=', value, 'status'],
      ['/api/v1/runs?trigger=', value, 'trigger'],
      ['/api/v1/runs?cursor=', value, 'cursor'],
      ['/api/v1/outbox?status=', value, 'status'],
      ['/api/v1/outbox?event_type=', value, 'event_type'],
      ['/api/v1/outbox?before=', value, 'before'],
      ['/api/v1/runs/', value, 'run_id'],
    ].map(([path, encoded, field]) => [`${path}${encoded}`, payload, field] as [string, string, string]);
  });

  it.each(refusals)('GET %s is a 422 naming the field, in JSON, with no planted header', async (path, _payload, field) => {
    const answer = await get(path);
    expect(problemsOf(answer)).toEqual([]);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.status).toBe(422);
    expect((JSON.parse(answer.body) as { error: { field: string } }).error.field).toBe(field);
  });

  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    'a retry of event %s and a trigger for warehouse %s are refused, nothing written',
    async (_name, payload) => {
      const before = await database.query<{ n: string }>('select count(*)::text as n from replenishment_runs');
      const retry = await client.send({
        method: 'POST',
        path: `/api/v1/outbox/${encodeURIComponent(payload)}/retry`,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const trigger = await client.send({
        method: 'POST',
        path: '/api/v1/trigger/internal-replenishment',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: Buffer.from(JSON.stringify({ warehouse_id: payload })),
      });
      for (const answer of [retry, trigger]) {
        expect(problemsOf(answer)).toEqual([]);
        expect([404, 422]).toContain(answer.status);
      }
      expect(trigger.status).toBe(422);
      expect(await database.query('select count(*)::text as n from replenishment_runs')).toEqual(before);
    },
  );
});
