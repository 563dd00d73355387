import { describe, expect, it } from 'vitest';
import { startReplenishmentRun } from './start-run';
import { useRunEnvironment } from '../testing/run-fixture';

describe('runs started at the same time', () => {
  const env = useRunEnvironment();


  it('order each (target, product) once between them: planning waits for the other run\'s commit', async () => {
    const deps = { orm: env.fx.orm, oneC: env.sandbox.oneC, logger: env.fx.logger };
    const runs = await Promise.all([
      startReplenishmentRun(deps, { trigger: 'endpoint' }),
      startReplenishmentRun(deps, { trigger: 'schedule' }),
      startReplenishmentRun(deps, { trigger: 'admin' }),
    ]);
    const outcomes = await Promise.all(runs.map((r) => r.completion));
    const ordered = outcomes.map((o) => (o.status === 'succeeded' ? o.counts.transferOrders : -1));
    expect(ordered.filter((n) => n > 0)).toHaveLength(1);
    expect(ordered.filter((n) => n === 0)).toHaveLength(2);
    const duplicates = await env.fx.query(
      `select o.target_warehouse_id, l.product_id
       from transfer_orders o join transfer_order_lines l on l.transfer_order_id = o.id
       group by o.target_warehouse_id, l.product_id, o.source_warehouse_id
       having count(*) > 1`);
    expect(duplicates).toEqual([]);
  });
});
