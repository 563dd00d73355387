import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '@hub/testing';
import { useApiWithSandbox } from './testing/api-fixture';

const TRIGGER = 'http://localhost/api/v1/trigger/internal-replenishment';

interface Accepted {
  run_id: string;
  request_id: string;
  status: string;
}

describe('POST /api/v1/trigger/internal-replenishment against the 1С sandbox', () => {
  const env = useApiWithSandbox();
  // Every test starts from a freshly migrated database (no run, no order) and a sandbox as seeded.
  beforeEach(() => env.reset());

  /** Triggers a run under `requestId` and waits for it to end; returns the 202's body. */
  const runToEnd = async (requestId = randomUUID()): Promise<Accepted> => {
    const response = await env.fx.app.request(TRIGGER, { method: 'POST', headers: { 'X-Request-ID': requestId } });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as Accepted;
    await env.fx.runs.at(-1);
    return accepted;
  };

  it('runs to succeeded, and GET /api/v1/runs/:run_id shows counts and timings', async () => {
    const requestId = randomUUID();
    const accepted = await runToEnd(requestId);
    expect(accepted).toEqual({ run_id: expect.any(String), request_id: requestId, status: 'queued' });
    const response = await env.fx.app.request(`http://localhost/api/v1/runs/${accepted.run_id}`);
    const run = (await response.json()) as Record<string, unknown>;
    expect(run).toMatchObject({
      id: accepted.run_id,
      trigger: 'endpoint',
      started_by: null,
      request_id: requestId,
      status: 'succeeded',
      error: null,
      counts: { transferOrders: expect.any(Number), outboxEvents: expect.any(Number) },
      started_at: expect.any(String),
      finished_at: expect.any(String),
      duration_ms: expect.any(Number),
    });
    const counts = run['counts'] as Record<string, number>;
    expect(counts['transferOrders']).toBeGreaterThan(0);
    expect(counts['outboxEvents']).toBe((counts['transferOrders'] ?? 0) + (counts['externalOrders'] ?? 0));
  });

  it("leaves the run's transfer orders with one pending outbox event each", async () => {
    const { run_id: runId } = await runToEnd();
    const rows = await env.fx.query<{ order_id: string; event_type: string; status: string; hub_order_id: string }>(
      `select o.id as order_id, e.event_type, e.status, e.payload->>'hubOrderId' as hub_order_id
       from transfer_orders o join outbox_events e on e.aggregate_id = o.id where o.run_id = ?`,
      [runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toEqual({ order_id: row.hub_order_id, event_type: 'CREATE_1C_TRANSFER_ORDER', status: 'pending', hub_order_id: row.order_id });
  });

  it('records the operator the admin names as who started the run, in the run and in the runs list', async () => {
    const response = await env.fx.app.request(TRIGGER, {
      method: 'POST',
      headers: { 'X-Hub-Operator': 'marina.k' },
      body: JSON.stringify({ trigger: 'admin' }),
    });
    expect(response.status).toBe(202);
    const { run_id: runId } = (await response.json()) as Accepted;
    await env.fx.runs.at(-1);
    const run = await env.fx.app.request(`http://localhost/api/v1/runs/${runId}`);
    expect(await run.json()).toMatchObject({ id: runId, trigger: 'admin', started_by: 'marina.k', status: 'succeeded' });
    const list = (await (await env.fx.app.request('http://localhost/api/v1/runs?trigger=admin')).json()) as { items: Record<string, unknown>[] };
    expect(list.items).toEqual([expect.objectContaining({ id: runId, started_by: 'marina.k' })]);
  });

  it('refuses a malformed operator name with 422 and starts nothing', async () => {
    const response = await env.fx.app.request(TRIGGER, { method: 'POST', headers: { 'X-Hub-Operator': 'Marina K' } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_value', field: 'x-hub-operator' } });
    expect(await env.fx.query('select id from replenishment_runs')).toEqual([]);
  });

  it("writes the trigger's own log row and the run's rows with uuid ids and jsonb payloads", async () => {
    const requestId = randomUUID();
    const { run_id: runId } = await runToEnd(requestId);
    const rows = await env.fx.query<{ step: string; run_id: string; run_type: string; request_type: string; payload_type: string }>(
      `select step, run_id, pg_typeof(run_id)::text as run_type, pg_typeof(request_id)::text as request_type,
         jsonb_typeof(payload) as payload_type
       from integration_logs where request_id = ? order by id`,
      [requestId],
    );
    expect(rows.map((r) => r.step).sort()).toEqual(['fetch_stock', 'finish', 'plan', 'reconcile_orders', 'start', 'sync_catalog', 'trigger', 'write_orders']);
    for (const row of rows) {
      expect(row).toMatchObject({ run_id: runId, run_type: 'uuid', request_type: 'uuid', payload_type: 'object' });
    }
  });

  it('answers over real HTTP on 127.0.0.1 with 202 and the request id header', async () => {
    // A first run leaves its orders open, so the one over HTTP has nothing left to order.
    await runToEnd();
    const server = await listenOnLoopback(env.fx.app.fetch);
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
      expect(await env.fx.runs.at(-1)).toMatchObject({ status: 'succeeded', counts: { transferOrders: 0 } });
    } finally {
      await server.close();
    }
  });
});
