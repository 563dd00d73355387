import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApiWithSandbox } from './testing/api-fixture';

const API = 'http://localhost/api/v1';
const TRIGGER = `${API}/trigger/internal-replenishment`;

interface Event {
  event_type: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
}
interface Order {
  id: string;
  status: string;
  target: { code: string };
  source?: { code: string };
  lines: { product: { sku: string }; quantity: number; explanation: Record<string, number> }[];
  outbox_event: Event;
}
interface RunDetail {
  id: string;
  trigger: string;
  status: string;
  counts: Record<string, number>;
  transfer_orders: Order[];
  external_orders: Order[];
}
interface RunPage {
  items: { id: string; status: string; trigger: string }[];
  next_cursor: string | null;
}

describe('runs over the API: conflicts, list and detail', () => {
  const env = useApiWithSandbox();
  let runId: string;
  const post = (url: string, body?: unknown) => env.fx.app.request(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const get = async <T>(url: string): Promise<T> => {
    const response = await env.fx.app.request(url);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('answers concurrent triggers with one 202 and 409s naming the running run', async () => {
    // 1С holds the admitted run's first call until the faults are cleared, so it is still running when the others arrive.
    await env.sandbox.injectFault({ latencyMs: 60_000, times: 1 });
    const responses = await Promise.all([post(TRIGGER, { trigger: 'admin' }), post(TRIGGER, { trigger: 'admin' }), post(TRIGGER, { trigger: 'admin' })]);
    await env.sandbox.clearFaults();
    const bodies = await Promise.all(
      responses.map(async (r) => ({ status: r.status, body: (await r.json()) as { run_id?: string; error?: { code: string; run_id: string } } })),
    );
    const accepted = bodies.filter((b) => b.status === 202);
    expect(accepted).toHaveLength(1);
    runId = accepted[0]?.body.run_id ?? '';
    expect(bodies.filter((b) => b.status === 409).map((b) => b.body.error)).toEqual([
      { code: 'run_in_progress', message: expect.stringContaining(runId), run_id: runId },
      { code: 'run_in_progress', message: expect.stringContaining(runId), run_id: runId },
    ]);
    expect(await Promise.all(env.fx.runs)).toMatchObject([{ status: 'succeeded' }]);
  });

  it("shows a run with its orders, explained lines and each order's outbox event", async () => {
    const run = await get<RunDetail>(`${API}/runs/${runId}`);
    expect(run).toMatchObject({ id: runId, trigger: 'admin', status: 'succeeded' });
    expect(run.transfer_orders).toHaveLength(run.counts['transferOrders'] ?? -1);
    expect(run.external_orders).toHaveLength(run.counts['externalOrders'] ?? -1);
    for (const order of [...run.transfer_orders, ...run.external_orders]) {
      expect(order).toMatchObject({ status: 'pending', target: { code: expect.any(String) } });
      expect(order.outbox_event).toMatchObject({ status: 'pending', attempts: 0, last_error: null, next_attempt_at: expect.any(String) });
      for (const line of order.lines) expect(line).toMatchObject({ product: { sku: expect.any(String) }, explanation: { allocated: line.quantity } });
    }
    expect(run.transfer_orders[0]).toMatchObject({ source: { code: expect.any(String) }, outbox_event: { event_type: 'CREATE_1C_TRANSFER_ORDER' } });
    expect(run.external_orders[0]).toMatchObject({ outbox_event: { event_type: 'CREATE_MS_CUSTOMER_ORDER' } });
  });

  it("shows an outbox event's failure on its order", async () => {
    await env.fx.query(`update outbox_events set status = 'dead', attempts = 8, last_error = 'МойСклад said no' where event_type = 'CREATE_MS_CUSTOMER_ORDER'`);
    const run = await get<RunDetail>(`${API}/runs/${runId}`);
    expect(run.external_orders[0]?.outbox_event).toMatchObject({ status: 'dead', attempts: 8, last_error: 'МойСклад said no' });
  });

  it('lists runs newest first, filtered by status and trigger, a page at a time', async () => {
    const older = await env.fx.query<{ id: string }>(
      `insert into replenishment_runs (id, trigger, status, created_at) values
      (?, 'schedule', 'failed', now() - interval '2 days'), (?, 'endpoint', 'succeeded', now() - interval '1 day') returning id`,
      [randomUUID(), randomUUID()],
    );
    const [failed, succeeded] = older.map((r) => r.id);
    expect((await get<RunPage>(`${API}/runs`)).items.map((r) => r.id)).toEqual([runId, succeeded, failed]);
    expect((await get<RunPage>(`${API}/runs?status=failed`)).items.map((r) => r.id)).toEqual([failed]);
    expect((await get<RunPage>(`${API}/runs?trigger=admin&status=succeeded`)).items.map((r) => r.id)).toEqual([runId]);

    const first = await get<RunPage>(`${API}/runs?limit=2`);
    expect(first).toMatchObject({ items: [{ id: runId }, { id: succeeded }], next_cursor: succeeded });
    const second = await get<RunPage>(`${API}/runs?limit=2&cursor=${first.next_cursor}`);
    expect(second).toEqual({ items: [expect.objectContaining({ id: failed, trigger: 'schedule' })], next_cursor: null });
  });
});
