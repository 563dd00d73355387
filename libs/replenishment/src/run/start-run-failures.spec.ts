import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OneCClient } from '@hub/integrations';
import { startReplenishmentRun } from './start-run';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { useRunEnvironment } from '../testing/run-fixture';

/** `real`, but its third call of `method` fails once two answers have come back (and gone to PostgreSQL). */
function failingThirdCall(real: OneCClient, method: 'getStock' | 'getReplenishmentSettings'): OneCClient {
  let calls = 0;
  const answered: Promise<unknown>[] = [];
  const failing = async (warehouseId: string): Promise<unknown> => {
    calls += 1;
    if (calls !== 3) {
      const answer = real[method](warehouseId);
      answered.push(answer);
      return answer;
    }
    await Promise.all(answered.slice(0, 2));
    throw new Error('1С dropped the connection');
  };
  return Object.assign(Object.create(real) as OneCClient, { [method]: failing });
}

describe('a replenishment run that cannot finish', () => {
  const env = useRunEnvironment();
  const run = (oneC: OneCClient, requestId = randomUUID()) =>
    startReplenishmentRun({ sessions: env.fx.sessions, oneC, logger: env.fx.logger }, { trigger: 'endpoint', requestId });
  const countFor = async (table: 'stock_snapshots' | 'transfer_orders' | 'external_orders', runId: string) =>
    (await env.fx.query<{ n: number }>(`select count(*)::int as n from ${table} where run_id = ?`, [runId]))[0]?.n;

  it("fails with 1С's refusal when the password is wrong, logs an ERROR row, and leaks no password", async () => {
    const requestId = randomUUID();
    const started = await run(oneCClientFor(env.sandbox.baseUrl, 'not-the-password'), requestId);
    const outcome = await started.completion;
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('http_401') });
    const [row] = await env.fx.query<{ status: string; error: string; finished_at: unknown }>(
      'select status, error, finished_at from replenishment_runs where id = ?',
      [started.runId],
    );
    expect(row).toMatchObject({ status: 'failed', finished_at: expect.anything() });
    expect(row?.error).not.toContain('not-the-password');
    const errors = await env.fx.query<{ step: string; request_id: string; message: string; details: unknown }>(
      `select step, request_id, message, details from integration_logs where run_id = ? and level = 'ERROR'`,
      [started.runId],
    );
    expect(errors).toMatchObject([{ step: 'sync_catalog', request_id: requestId }]);
    expect(JSON.stringify(errors)).not.toContain('not-the-password');
    expect(await countFor('stock_snapshots', started.runId)).toBe(0);
  });

  it('fails with a network error when 1С is down', async () => {
    const nobody = `http://127.0.0.1:${await findFreePort()}`;
    const started = await run(oneCClientFor(nobody));
    expect(await started.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('ExternalSystemError') });
    const errors = await env.fx.query("select 1 from integration_logs where run_id = ? and level = 'ERROR'", [started.runId]);
    expect(errors).toHaveLength(1);
  });

  it('writes no order and no event when the transaction fails before commit', async () => {
    // The first outside order's event fails, after every transfer order, its lines and event and the outside order were written.
    await env.fx.query(`create function fail_second_event() returns trigger language plpgsql as $$
      begin
        if new.event_type = 'CREATE_MS_CUSTOMER_ORDER' then raise exception 'injected outbox failure'; end if;
        return new;
      end $$`);
    await env.fx.query('create trigger fail_second_event before insert on outbox_events for each row execute function fail_second_event()');
    try {
      const started = await run(env.sandbox.oneC);
      expect(await started.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('injected outbox failure') });
      expect(await countFor('transfer_orders', started.runId)).toBe(0);
      expect(await countFor('external_orders', started.runId)).toBe(0);
      expect(await countFor('stock_snapshots', started.runId)).toBeGreaterThan(0);
      expect(await env.fx.query('select 1 from outbox_events')).toHaveLength(0);
      const [failed] = await env.fx.query<{ step: string }>(`select step from integration_logs where run_id = ? and level = 'ERROR'`, [started.runId]);
      expect(failed?.step).toBe('write_orders');
    } finally {
      await env.fx.query('drop trigger fail_second_event on outbox_events');
    }
    // Nothing half-written is counted as inbound: the next run orders in full.
    const retried = await run(env.sandbox.oneC);
    expect(await retried.completion).toMatchObject({ status: 'succeeded', counts: { transferOrders: expect.any(Number) } });
    expect(await countFor('transfer_orders', retried.runId)).toBeGreaterThan(1);
    expect(await countFor('external_orders', retried.runId)).toBeGreaterThan(0);
  });

  it('stores none of the stock when 1С fails half way through it, and the next run stores all of it', async () => {
    const real = env.sandbox.oneC;
    const failed = await run(failingThirdCall(real, 'getStock'));
    expect(await failed.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('1С dropped the connection') });
    expect(await countFor('stock_snapshots', failed.runId)).toBe(0);
    const [error] = await env.fx.query<{ step: string }>(`select step from integration_logs where run_id = ? and level = 'ERROR'`, [failed.runId]);
    expect(error?.step).toBe('fetch_stock');
    // Its COPY and transaction ended with it: no connection is left holding them.
    const held = await env.fx.query(
      `select state, query from pg_stat_activity where datname = current_database() and state <> 'idle' and query ilike 'copy stock_snapshots%'`,
    );
    expect(held).toEqual([]);

    const retried = await run(real);
    const outcome = await retried.completion;
    expect(outcome).toMatchObject({ status: 'succeeded' });
    expect(await countFor('stock_snapshots', retried.runId)).toBe(outcome.status === 'succeeded' ? outcome.counts.stockSnapshots : -1);
    expect(await countFor('stock_snapshots', retried.runId)).toBeGreaterThan(0);
  });

  it("keeps the previous norms when 1С fails half way through them, and the next run makes them 1С's", async () => {
    const real = env.sandbox.oneC;
    const norms = () =>
      env.fx.query<{ rule: string }>(
        `select w.external_id || '/' || p.external_id || ' ' || r.min_qty || '-' || r.max_qty || ' x' || r.multiple as rule
         from replenishment_rules r join warehouses w on w.id = r.warehouse_id join products p on p.id = r.product_id order by 1`,
      );
    expect(await (await run(real)).completion).toMatchObject({ status: 'succeeded' });
    const oneCNorms = await norms();
    // The hub's norms differ from 1С's (one rule changed, one missing), so storing any answer would change them.
    await env.fx.query('update replenishment_rules set min_qty = min_qty + 1 where id = (select min(id::text)::uuid from replenishment_rules)');
    await env.fx.query('delete from replenishment_rules where id = (select max(id::text)::uuid from replenishment_rules)');
    const hubNorms = await norms();
    const failed = await run(failingThirdCall(real, 'getReplenishmentSettings'));
    expect(await failed.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('1С dropped the connection') });
    const [error] = await env.fx.query<{ step: string }>(`select step from integration_logs where run_id = ? and level = 'ERROR'`, [failed.runId]);
    expect(error?.step).toBe('sync_catalog');
    expect(await norms()).toEqual(hubNorms);
    // Its transaction ended with it: no connection is left holding the rules it had changed.
    const held = await env.fx.query(`select state from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    expect(held).toEqual([]);

    expect(await (await run(real)).completion).toMatchObject({ status: 'succeeded' });
    expect(await norms()).toEqual(oneCNorms);
  });

  it('refuses an unknown target warehouse or a malformed id before writing a run', async () => {
    const deps = { sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger };
    const before = await env.fx.query('select id from replenishment_runs');
    await expect(startReplenishmentRun(deps, { trigger: 'endpoint', warehouseId: randomUUID() })).rejects.toMatchObject({
      name: 'UnknownWarehouseError',
      code: 'unknown_warehouse',
    });
    await expect(startReplenishmentRun(deps, { trigger: 'endpoint', requestId: 'req-1' })).rejects.toMatchObject({
      name: 'InvalidRunRequestError',
      field: 'requestId',
    });
    expect(await env.fx.query('select id from replenishment_runs')).toHaveLength(before.length);
  });
});
