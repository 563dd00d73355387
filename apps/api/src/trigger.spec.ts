import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, startSandboxProcess, type SandboxProcess } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

interface Accepted {
  run_id: string;
  request_id: string;
  status: string;
}

describe('POST /api/v1/trigger/internal-replenishment against the 1С sandbox', () => {
  let fx: ApiFixture;
  let sandbox: SandboxProcess;
  let accepted: Accepted;
  const requestId = randomUUID();

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    fx = await openApiFixture(sandbox.oneC);
    const response = await fx.app.request('http://localhost/api/v1/trigger/internal-replenishment', {
      method: 'POST', headers: { 'X-Request-ID': requestId },
    });
    expect(response.status).toBe(202);
    accepted = (await response.json()) as Accepted;
    await fx.runs[0];
  });
  afterAll(async () => {
    await fx?.close();
    await sandbox?.stop();
  });

  it('runs to succeeded, and GET /api/v1/runs/:run_id shows counts and timings', async () => {
    expect(accepted).toEqual({ run_id: expect.any(String), request_id: requestId, status: 'queued' });
    const response = await fx.app.request(`http://localhost/api/v1/runs/${accepted.run_id}`);
    const run = (await response.json()) as Record<string, unknown>;
    expect(run).toMatchObject({
      id: accepted.run_id, trigger: 'endpoint', request_id: requestId, status: 'succeeded', error: null,
      counts: { transferOrders: expect.any(Number), outboxEvents: expect.any(Number) },
      started_at: expect.any(String), finished_at: expect.any(String), duration_ms: expect.any(Number),
    });
    const counts = run['counts'] as Record<string, number>;
    expect(counts['transferOrders']).toBeGreaterThan(0);
    expect(counts['outboxEvents']).toBe((counts['transferOrders'] ?? 0) + (counts['externalOrders'] ?? 0));
  });

  it('leaves the run\'s transfer orders with one pending outbox event each', async () => {
    const rows = await fx.query<{ order_id: string; event_type: string; status: string; hub_order_id: string }>(
      `select o.id as order_id, e.event_type, e.status, e.payload->>'hubOrderId' as hub_order_id
       from transfer_orders o join outbox_events e on e.aggregate_id = o.id where o.run_id = ?`, [accepted.run_id]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toEqual({ order_id: row.hub_order_id, event_type: 'CREATE_1C_TRANSFER_ORDER', status: 'pending', hub_order_id: row.order_id });
  });

  it('writes the trigger\'s own log row and the run\'s rows with uuid ids and jsonb payloads', async () => {
    const rows = await fx.query<{ step: string; run_id: string; run_type: string; request_type: string; payload_type: string }>(
      `select step, run_id, pg_typeof(run_id)::text as run_type, pg_typeof(request_id)::text as request_type,
         jsonb_typeof(payload) as payload_type
       from integration_logs where request_id = ? order by id`, [requestId]);
    expect(rows.map((r) => r.step).sort()).toEqual(['fetch_stock', 'finish', 'plan', 'reconcile_orders', 'start', 'sync_catalog', 'trigger', 'write_orders']);
    for (const row of rows) {
      expect(row).toMatchObject({ run_id: accepted.run_id, run_type: 'uuid', request_type: 'uuid', payload_type: 'object' });
    }
  });

  it('answers over real HTTP on 127.0.0.1 with 202 and the request id header', async () => {
    const server = await listenOnLoopback(fx.app.fetch);
    try {
      const mine = randomUUID();
      const response = await fetch(`${server.url}/api/v1/trigger/internal-replenishment`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': mine },
        body: JSON.stringify({}),
      });
      expect(response.status).toBe(202);
      expect(response.headers.get('x-request-id')).toBe(mine);
      const body = (await response.json()) as Accepted;
      expect(body).toMatchObject({ request_id: mine, status: 'queued' });
      // Right after the first run its orders are inbound: this one succeeds without ordering again.
      expect(await fx.runs.at(-1)).toMatchObject({ status: 'succeeded', counts: { transferOrders: 0 } });
    } finally {
      await server.close();
    }
  });
});
