import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OneCClient } from '@hub/integrations';
import { startReplenishmentRun } from './start-run';
import { findFreePort, oneCClientFor, startSandboxProcess, type SandboxProcess } from '@hub/testing';
import { openRunFixture, type RunFixture } from '../testing/run-fixture';

describe('a replenishment run that cannot finish', () => {
  let fx: RunFixture;
  let sandbox: SandboxProcess;
  const run = (oneC: OneCClient, requestId = randomUUID()) =>
    startReplenishmentRun({ orm: fx.orm, oneC, logger: fx.logger }, { trigger: 'endpoint', requestId });
  const countFor = async (table: 'stock_snapshots' | 'transfer_orders', runId: string) =>
    (await fx.query<{ n: number }>(`select count(*)::int as n from ${table} where run_id = ?`, [runId]))[0]?.n;

  beforeAll(async () => {
    [fx, sandbox] = await Promise.all([openRunFixture(), startSandboxProcess()]);
  });
  afterAll(async () => {
    await sandbox?.stop();
    await fx?.close();
  });

  it('fails with 1С\'s refusal when the password is wrong, logs an ERROR row, and leaks no password', async () => {
    const requestId = randomUUID();
    const started = await run(oneCClientFor(sandbox.baseUrl, 'not-the-password'), requestId);
    const outcome = await started.completion;
    expect(outcome).toMatchObject({ status: 'failed', error: expect.stringContaining('http_401') });
    const [row] = await fx.query<{ status: string; error: string; finished_at: unknown }>(
      'select status, error, finished_at from replenishment_runs where id = ?', [started.runId]);
    expect(row).toMatchObject({ status: 'failed', finished_at: expect.anything() });
    expect(row?.error).not.toContain('not-the-password');
    const errors = await fx.query<{ step: string; request_id: string; message: string; details: unknown }>(
      `select step, request_id, message, details from integration_logs where run_id = ? and level = 'ERROR'`, [started.runId]);
    expect(errors).toMatchObject([{ step: 'sync_catalog', request_id: requestId }]);
    expect(JSON.stringify(errors)).not.toContain('not-the-password');
    expect(await countFor('stock_snapshots', started.runId)).toBe(0);
  });

  it('fails with a network error when 1С is down', async () => {
    const nobody = `http://127.0.0.1:${await findFreePort()}`;
    const started = await run(oneCClientFor(nobody));
    expect(await started.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('ExternalSystemError') });
    const errors = await fx.query('select 1 from integration_logs where run_id = ? and level = \'ERROR\'', [started.runId]);
    expect(errors).toHaveLength(1);
  });

  it('writes no order and no event when the transaction fails before commit', async () => {
    // The second event's insert fails, after the first order, its lines and its event were written.
    await fx.query(`create function fail_second_event() returns trigger language plpgsql as $$
      begin
        if (select count(*) from outbox_events) >= 1 then raise exception 'injected outbox failure'; end if;
        return new;
      end $$`);
    await fx.query('create trigger fail_second_event before insert on outbox_events for each row execute function fail_second_event()');
    try {
      const started = await run(sandbox.oneC);
      expect(await started.completion).toMatchObject({ status: 'failed', error: expect.stringContaining('injected outbox failure') });
      expect(await countFor('transfer_orders', started.runId)).toBe(0);
      expect(await countFor('stock_snapshots', started.runId)).toBeGreaterThan(0);
      expect(await fx.query('select 1 from outbox_events')).toHaveLength(0);
      const [failed] = await fx.query<{ step: string }>(`select step from integration_logs where run_id = ? and level = 'ERROR'`, [started.runId]);
      expect(failed?.step).toBe('write_orders');
    } finally {
      await fx.query('drop trigger fail_second_event on outbox_events');
    }
    // Nothing half-written is counted as inbound: the next run orders in full.
    const retried = await run(sandbox.oneC);
    expect(await retried.completion).toMatchObject({ status: 'succeeded', counts: { transferOrders: expect.any(Number) } });
    expect(await countFor('transfer_orders', retried.runId)).toBeGreaterThan(1);
  });

  it('refuses an unknown target warehouse or a malformed id before writing a run', async () => {
    const deps = { orm: fx.orm, oneC: sandbox.oneC, logger: fx.logger };
    const before = await fx.query('select id from replenishment_runs');
    await expect(startReplenishmentRun(deps, { trigger: 'endpoint', warehouseId: randomUUID() })).rejects.toMatchObject({
      name: 'UnknownWarehouseError', code: 'unknown_warehouse',
    });
    await expect(startReplenishmentRun(deps, { trigger: 'endpoint', requestId: 'req-1' })).rejects.toMatchObject({
      name: 'InvalidRunRequestError', field: 'requestId',
    });
    expect(await fx.query('select id from replenishment_runs')).toHaveLength(before.length);
  });
});
