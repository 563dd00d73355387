import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { insertWarehouse, openApiFixture, type ApiFixture } from './testing/api-fixture';

const TRIGGER = 'http://localhost/api/v1/trigger/internal-replenishment';
const KNOWN = randomUUID();
const OTHER = randomUUID();

describe('api: validation, request ids, errors', () => {
  let fx: ApiFixture;
  const post = (url: string, body?: string, headers: Record<string, string> = {}) =>
    fx.app.request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    // 1С is down: runs started here fail in the background, which these tests do not look at.
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`));
    await insertWarehouse(fx, KNOWN, 'MSK-DC');
    await insertWarehouse(fx, OTHER, 'SPB-01');
  });
  afterAll(async () => {
    await fx?.close();
  });

  it.each([
    ['a non-UUID in the query', `${TRIGGER}?warehouse_id=msk-dc`, undefined, 'warehouse_id', 'invalid_value'],
    ['an empty query value', `${TRIGGER}?warehouse_id=`, undefined, 'warehouse_id', 'invalid_value'],
    ['the query parameter twice', `${TRIGGER}?warehouse_id=${KNOWN}&warehouse_id=${OTHER}`, undefined, 'warehouse_id', 'invalid_value'],
    ['a misspelt query parameter', `${TRIGGER}?warehouseId=${KNOWN}`, undefined, 'warehouseId', 'unknown_field'],
    ['a non-UUID in the body', TRIGGER, '{"warehouse_id": 42}', 'warehouse_id', 'invalid_value'],
    ['a misspelt body field', TRIGGER, `{"warehouseId": "${KNOWN}"}`, 'warehouseId', 'unknown_field'],
    ['malformed JSON', TRIGGER, '{"warehouse_id": ', 'body', 'malformed_json'],
    ['a JSON array', TRIGGER, '[]', 'body', 'invalid_value'],
    ['an unknown warehouse', `${TRIGGER}?warehouse_id=${randomUUID()}`, undefined, 'warehouse_id', 'unknown_warehouse'],
    ['an unknown warehouse in a dry run', `${TRIGGER}?dry_run=true&warehouse_id=${randomUUID()}`, undefined, 'warehouse_id', 'unknown_warehouse'],
    ['query and body that differ', `${TRIGGER}?warehouse_id=${KNOWN}`, `{"warehouse_id": "${OTHER}"}`, 'warehouse_id', 'conflicting_values'],
    ['dry_run that is not true or false', `${TRIGGER}?dry_run=yes`, undefined, 'dry_run', 'invalid_value'],
    ['dry_run in the body', TRIGGER, '{"dry_run": true}', 'dry_run', 'unknown_field'],
    ['a trigger only the scheduler may claim', TRIGGER, '{"trigger": "schedule"}', 'trigger', 'invalid_value'],
  ])('answers 422 naming the field for %s', async (_case, url, body, field, code) => {
    const runsBefore = await fx.query('select id from replenishment_runs');
    const response = await post(url, body);
    expect(response.status).toBe(422);
    const answer = (await response.json()) as { error: { code: string; message: string; field: string } };
    expect(answer.error).toMatchObject({ code, field, message: expect.stringContaining(field === 'body' ? '' : field) });
    expect(JSON.stringify(answer)).not.toMatch(/at .*\.ts:\d+/);
    expect(await fx.query('select id from replenishment_runs')).toHaveLength(runsBefore.length);
  });

  it('answers 413 JSON naming the body for a body over 16 KiB, starting no run', async () => {
    const runsBefore = await fx.query('select id from replenishment_runs');
    const response = await post(TRIGGER, JSON.stringify({ warehouse_id: KNOWN, padding: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'body' } });
    expect(await fx.query('select id from replenishment_runs')).toHaveLength(runsBefore.length);
  });

  it.each([
    ['no body', TRIGGER, undefined, null, 'endpoint'],
    ['an empty body', TRIGGER, '', null, 'endpoint'],
    ['an empty object', TRIGGER, '{}', null, 'endpoint'],
    ['the id in the query', `${TRIGGER}?warehouse_id=${KNOWN}`, undefined, KNOWN, 'endpoint'],
    ['the id in the body', TRIGGER, `{"warehouse_id": "${KNOWN}"}`, KNOWN, 'endpoint'],
    ['the same id in both', `${TRIGGER}?warehouse_id=${KNOWN}`, `{"warehouse_id": "${KNOWN.toUpperCase()}"}`, KNOWN, 'endpoint'],
    ['the admin saying it is the admin', `${TRIGGER}?dry_run=false`, `{"trigger": "admin"}`, null, 'admin'],
  ])('accepts %s with 202 and queues a run for that target', async (_case, url, body, target, trigger) => {
    const response = await post(url, body);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { run_id: string; request_id: string; status: string };
    expect(answer).toMatchObject({ run_id: expect.any(String), status: 'queued' });
    const [run] = await fx.query<{ target_warehouse_id: string | null; trigger: string }>(
      'select target_warehouse_id, trigger from replenishment_runs where id = ?',
      [answer.run_id],
    );
    expect(run).toEqual({ target_warehouse_id: target, trigger });
    // Over before the next case triggers: a run in progress would refuse it with 409.
    await fx.runs.at(-1);
  });

  it("uses the caller's X-Request-ID when it is a UUID and echoes it", async () => {
    await Promise.all(fx.runs);
    const mine = randomUUID();
    const response = await post(TRIGGER, undefined, { 'X-Request-ID': mine });
    expect(response.headers.get('X-Request-ID')).toBe(mine);
    expect(await response.json()).toMatchObject({ request_id: mine });
  });

  it('replaces an X-Request-ID that is not a UUID with a new one, also on errors', async () => {
    const response = await post(`${TRIGGER}?warehouse_id=nope`, undefined, { 'X-Request-ID': 'abc-123' });
    const echoed = response.headers.get('X-Request-ID');
    expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(echoed).not.toBe('abc-123');
  });

  it('lists warehouses with id, code and name', async () => {
    const response = await fx.app.request('http://localhost/api/v1/warehouses');
    expect(await response.json()).toEqual({
      items: [
        { id: KNOWN, code: 'MSK-DC', name: 'Warehouse MSK-DC' },
        { id: OTHER, code: 'SPB-01', name: 'Warehouse SPB-01' },
      ],
    });
  });

  it('answers a run lookup with 422 for a non-UUID and 404 JSON for an unknown run', async () => {
    const bad = await fx.app.request('http://localhost/api/v1/runs/42');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { field: 'run_id' } });
    const missing = await fx.app.request(`http://localhost/api/v1/runs/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', field: 'run_id' } });
  });

  it.each([
    ['status=done', 'status', 'invalid_value'],
    ['trigger=cron', 'trigger', 'invalid_value'],
    ['limit=0', 'limit', 'invalid_value'],
    ['limit=201', 'limit', 'invalid_value'],
    ['limit=ten', 'limit', 'invalid_value'],
    ['cursor=page-2', 'cursor', 'invalid_value'],
    [`cursor=${randomUUID()}`, 'cursor', 'unknown_cursor'],
    ['order=asc', 'order', 'unknown_field'],
    // Only the outbox keeps `before`, its older name for cursor.
    [`before=${randomUUID()}`, 'before', 'unknown_field'],
  ])('answers GET /api/v1/runs?%s with 422 naming the field', async (query, field, code) => {
    const response = await fx.app.request(`http://localhost/api/v1/runs?${query}`);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code, field, message: expect.stringContaining(field) } });
  });

  it('answers unknown paths with 404 JSON, and /health with ok', async () => {
    const response = await fx.app.request('http://localhost/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    const health = await fx.app.request('http://localhost/health');
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  });
});
