import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { ADVISORY_LOCKS } from '@hub/db';
import { waitFor } from '@hub/testing';
import { readPlanningSnapshot } from '../snapshot/planning-snapshot';
import { catalogStoredWhileRead, useRunEnvironment } from '../testing/run-fixture';
import { startReplenishmentRun } from './start-run';

/** The sandbox's scarce product: its distribution centre can spare 40 over its min, each store needs 80. */
const SCARCE_SKU = 'SKU-0015';

describe('two runs for different stores sharing one donor', () => {
  const env = useRunEnvironment();
  const deps = () => ({ sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger });
  const planningLockWaiters = async () =>
    (
      await env.fx.query<{ n: number }>(
        `select count(*)::int as n from pg_locks
       where locktype = 'advisory' and not granted and ((classid::bigint << 32) | objid::bigint) = ?::bigint`,
        [ADVISORY_LOCKS.planning],
      )
    )[0]?.n ?? 0;

  it("plan one after the other under the planning lock: the second sees the first one's orders, and the donor never drops below its min", async () => {
    await readPlanningSnapshot(deps(), catalogStoredWhileRead(env.fx.sessions));
    const stores = await env.fx.query<{ id: string; code: string }>(`select id, code from warehouses where code in ('МГ-001', 'МГ-002') order by code`);
    expect(stores.map((store) => store.code)).toEqual(['МГ-001', 'МГ-002']);

    // The test holds the planning lock, so both runs read their snapshot and then wait for it, together.
    const holder = new Client({ connectionString: env.fx.db.url });
    await holder.connect();
    let runs;
    try {
      await holder.query('select pg_advisory_lock($1::bigint)', [ADVISORY_LOCKS.planning]);
      runs = await Promise.all(stores.map((store) => startReplenishmentRun(deps(), { trigger: 'endpoint', warehouseId: store.id })));
      await waitFor(async () => ((await planningLockWaiters()) >= 2 ? true : undefined), 30_000, 'the two runs never both waited for the planning lock');
    } finally {
      await holder.query('select pg_advisory_unlock($1::bigint)', [ADVISORY_LOCKS.planning]).catch(() => undefined);
      await holder.end();
    }
    for (const run of runs) expect(await run.completion).toMatchObject({ status: 'succeeded' });

    const moved = await env.fx.query<{ target: string; quantity: number; donor_surplus: number }>(
      `select t.code as target, l.quantity, (l.explanation->>'donorSurplus')::int as donor_surplus
       from transfer_orders o join transfer_order_lines l on l.transfer_order_id = o.id
       join products p on p.id = l.product_id join warehouses t on t.id = o.target_warehouse_id
       where p.sku = ? order by l.explanation->>'donorSurplus' desc`,
      [SCARCE_SKU],
    );
    // The first run to plan took the donor's whole surplus; the second saw it promised (outbound) and took none.
    expect(moved).toEqual([{ target: expect.any(String), quantity: 40, donor_surplus: 40 }]);
    const bought = await env.fx.query<{ quantity: number }>(
      `select l.quantity from external_order_lines l join products p on p.id = l.product_id where p.sku = ? order by l.quantity`,
      [SCARCE_SKU],
    );
    expect(bought.map((line) => line.quantity)).toEqual([40, 80]);
  });
});
