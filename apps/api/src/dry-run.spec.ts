import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { useApiWithSandbox } from './testing/api-fixture';

const API = 'http://localhost/api/v1';
const TRIGGER = `${API}/trigger/internal-replenishment`;

interface Label {
  id: string | null;
  code?: string;
  sku?: string;
  name: string;
}
interface Line {
  product: Label;
  quantity: number;
  explanation: Record<string, number>;
}
interface Order {
  source?: Label;
  target: Label;
  lines: Line[];
}
interface DryRun {
  dry_run: true;
  request_id: string;
  counts: Record<string, number>;
  needs: { warehouse: Label; product: Label; explanation: Record<string, number> }[];
  transfer_orders: Order[];
  external_orders: Order[];
}
interface RunDetail {
  status: string;
  counts: Record<string, number>;
  transfer_orders: Order[];
  external_orders: Order[];
}

/** An order as both a dry run and a recorded run show it: codes, SKUs, quantities and the numbers behind them. */
const comparable = (orders: Order[]) =>
  orders
    .map((order) => ({
      source: order.source?.code ?? null,
      target: order.target.code,
      lines: order.lines
        .map((line) => ({ sku: line.product.sku, quantity: line.quantity, explanation: line.explanation }))
        .sort((a, b) => String(a.sku).localeCompare(String(b.sku))),
    }))
    .sort((a, b) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`));

describe('POST /api/v1/trigger/internal-replenishment?dry_run=true against the 1С sandbox', () => {
  const env = useApiWithSandbox();
  // Every test starts from a freshly migrated database (nothing synced from 1С, no run) and a sandbox as seeded.
  beforeEach(() => env.reset());

  /** Rows of every table but the log, by table. */
  const rowCounts = async () => {
    const tables = await env.fx.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'integration_logs' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await env.fx.query<{ n: number }>(`select count(*)::int as n from "${name}"`))[0]?.n ?? -1;
    return counts;
  };
  const dryRun = async (query = '', requestId = randomUUID()) => {
    const response = await env.fx.app.request(`${TRIGGER}?dry_run=true${query}`, { method: 'POST', headers: { 'X-Request-ID': requestId } });
    expect(response.status).toBe(200);
    return (await response.json()) as DryRun;
  };
  /** Starts a run and waits for it to succeed; returns its id. */
  const run = async (): Promise<string> => {
    const response = await env.fx.app.request(TRIGGER, { method: 'POST' });
    expect(response.status).toBe(202);
    const { run_id: runId } = (await response.json()) as { run_id: string };
    const outcome = await env.fx.runs.at(-1);
    if (outcome?.status !== 'succeeded') throw new Error(`run ${runId} did not succeed: ${JSON.stringify(outcome)}`);
    return runId;
  };

  it('answers the plan in codes, SKUs and explanations, writing nothing but its log row, and a run then does exactly that', async () => {
    const before = await rowCounts();
    const requestId = randomUUID();
    const plan = await dryRun('', requestId);
    expect(await rowCounts()).toEqual(before);
    const logs = await env.fx.query<{ step: string; level: string }>('select step, level from integration_logs where request_id = ?', [requestId]);
    expect(logs).toEqual([{ step: 'dry_run', level: 'INFO' }]);

    expect(plan).toMatchObject({
      dry_run: true,
      request_id: requestId,
      counts: { transferOrders: plan.transfer_orders.length, externalOrders: plan.external_orders.length },
    });
    expect(plan.transfer_orders.length).toBeGreaterThan(0);
    expect(plan.external_orders.length).toBeGreaterThan(0);
    // Nothing was synced yet: the plan names 1С's warehouses and products by code and SKU, without hub ids.
    const [order] = plan.transfer_orders;
    expect(order).toMatchObject({ source: { id: null, code: expect.any(String), name: expect.any(String) }, target: { code: expect.any(String) } });
    for (const line of [...plan.transfer_orders, ...plan.external_orders].flatMap((o) => o.lines)) {
      expect(line.product).toMatchObject({ sku: expect.stringMatching(/^SKU-/), name: expect.any(String) });
      expect(line.explanation).toMatchObject({ allocated: line.quantity, position: expect.any(Number), need: expect.any(Number) });
    }

    // Runs and dry runs both plan in 1С's ids: the run writes exactly the dry run's orders, line by line.
    const runId = await run();
    const response = await env.fx.app.request(`${API}/runs/${runId}`);
    const recorded = (await response.json()) as RunDetail;
    expect(recorded.counts).toMatchObject(plan.counts);
    expect(comparable(recorded.transfer_orders)).toEqual(comparable(plan.transfer_orders));
    expect(comparable(recorded.external_orders)).toEqual(comparable(plan.external_orders));
  });

  it("counts the run's open orders as inbound: right after it, a dry run plans nothing", async () => {
    expect((await dryRun()).counts.transferOrders, 'a dry run before any run plans transfers').toBeGreaterThan(0);
    await run();
    const plan = await dryRun();
    expect(plan).toMatchObject({ counts: { transferOrders: 0, externalOrders: 0 }, transfer_orders: [], external_orders: [] });
  });

  it("is never refused by a run in progress, and a target's dry run names hub ids once synced", async () => {
    // A run syncs the catalogue; its orders are then closed, so the needs are back.
    await run();
    const [warehouse] = await env.fx.query<{ id: string; code: string }>('select id, code from warehouses order by code limit 1');
    await env.fx.query(`insert into replenishment_runs (id, trigger, status) values (?, 'schedule', 'running')`, [randomUUID()]);
    await env.fx.query(`update transfer_orders set status = 'received'`);
    await env.fx.query(`update external_orders set status = 'cancelled'`);
    const plan = await dryRun(`&warehouse_id=${warehouse?.id}`);
    expect(plan.needs.length).toBeGreaterThan(0);
    for (const need of plan.needs) expect(need.warehouse).toMatchObject({ id: warehouse?.id, code: warehouse?.code });
    for (const order of [...plan.transfer_orders, ...plan.external_orders]) expect(order.target.id).toBe(warehouse?.id);
  });

  it('answers 502 naming 1С when 1С fails, with an ERROR log row and nothing written', async () => {
    await env.sandbox.injectFault({ status: 503, times: 1 });
    const before = await rowCounts();
    const requestId = randomUUID();
    const response = await env.fx.app.request(`${TRIGGER}?dry_run=true`, { method: 'POST', headers: { 'X-Request-ID': requestId } });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'upstream_failed', message: expect.stringContaining('could not read 1С') } });
    expect(await rowCounts()).toEqual(before);
    expect(await env.fx.query('select step from integration_logs where request_id = ? and level = ?', [requestId, 'ERROR'])).toEqual([{ step: 'dry_run' }]);
  });
});
