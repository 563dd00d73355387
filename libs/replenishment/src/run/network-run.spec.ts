/**
 * A run on a network of the bench's shape writes exactly the plan planTransfers makes of it:
 * every order, line, quantity and explanation, one outbox event per order carrying its lines.
 * Big enough that orders, lines and events are written in several statements.
 */
import { describe, expect, it } from 'vitest';
import type { OneCClient, OneCReplenishmentSetting, OneCStockItem } from '@hub/integrations';
import { groupBy } from '@hub/runtime';
import { planTransfers } from '../planner/plan-transfers';
import { generateNetwork } from '../planner/testing/bench-network';
import type { Plan } from '../planner/types';
import { openRunFixture } from '../testing/run-fixture';
import { startReplenishmentRun } from './start-run';

/** 1С answering with a generated network (no open orders: the database is fresh). */
function networkOneC(network: ReturnType<typeof generateNetwork>): OneCClient {
  const sku = (productId: string) => `SKU-${productId.slice(-6)}`;
  const byWarehouse = <T extends { warehouseId: string }>(rows: readonly T[]) => groupBy(rows, (row) => row.warehouseId);
  const settings = byWarehouse(network.rules);
  const stock = byWarehouse(network.stock);
  const unused = () => Promise.reject(new Error('not asked by a run on a fresh database'));
  return {
    listWarehouses: async () => network.warehouseIds.map((id, index) => ({ id, code: `W-${index}`, name: `Warehouse ${index}` })),
    getReplenishmentSettings: async (id) =>
      (settings.get(id) ?? []).map((r): OneCReplenishmentSetting => ({
        productId: r.productId,
        sku: sku(r.productId),
        min: r.min,
        max: r.max,
        multiple: r.multiple,
      })),
    getStock: async (id) =>
      (stock.get(id) ?? []).map((s): OneCStockItem => ({
        productId: s.productId,
        sku: sku(s.productId),
        name: `Product ${s.productId}`,
        onHand: s.onHand,
        reserved: s.reserved,
        unit: 'pcs',
      })),
    listOpenTransferOrders: async () => [],
    getTransferOrder: unused,
    createTransferOrder: unused,
  };
}

interface WrittenLine {
  productId: string;
  quantity: number;
  explanation: object;
}

/** The plan as orders: transfers by (source, target), outside orders by target, lines by product. */
function plannedOrders(plan: Plan) {
  const line = (l: WrittenLine) => ({ productId: l.productId, quantity: l.quantity, explanation: l.explanation });
  const uncovered = groupBy(plan.uncovered, (l) => l.warehouseId);
  return {
    transfers: plan.transferOrders.map((o) => ({ source: o.sourceWarehouseId, target: o.targetWarehouseId, lines: o.lines.map(line) })),
    outside: [...uncovered].map(([target, lines]) => ({ target, lines: lines.map(line) })).sort((a, b) => (a.target < b.target ? -1 : 1)),
  };
}

describe('a run on a network of the bench’s shape', () => {
  it('writes exactly the plan of the whole network, each order with its lines and one event', async () => {
    // The generated open quantities are the hub's own orders: a fresh database has none.
    const network = { ...generateNetwork({ warehouses: 40, skus: 600, seed: 42 }), inbound: [], outbound: [] };
    const expected = plannedOrders(planTransfers(network));
    const fx = await openRunFixture();
    try {
      const started = await startReplenishmentRun({ sessions: fx.sessions, oneC: networkOneC(network), logger: fx.logger }, { trigger: 'endpoint' });
      expect(await started.completion).toMatchObject({ status: 'succeeded' });
      const lines = `json_agg(json_build_object('productId', p.external_id, 'quantity', l.quantity, 'explanation', l.explanation) order by p.external_id collate "C")`;
      const transfers = await fx.query<{ source: string; target: string; lines: WrittenLine[] }>(
        `select s.external_id as source, t.external_id as target, ${lines} as lines
         from transfer_orders o join warehouses s on s.id = o.source_warehouse_id join warehouses t on t.id = o.target_warehouse_id
         join transfer_order_lines l on l.transfer_order_id = o.id join products p on p.id = l.product_id
         where o.run_id = ? group by o.id, s.external_id, t.external_id order by s.external_id collate "C", t.external_id collate "C"`,
        [started.runId],
      );
      const outside = await fx.query<{ target: string; lines: WrittenLine[] }>(
        `select t.external_id as target, ${lines} as lines
         from external_orders o join warehouses t on t.id = o.target_warehouse_id
         join external_order_lines l on l.external_order_id = o.id join products p on p.id = l.product_id
         where o.run_id = ? group by o.id, t.external_id order by t.external_id collate "C"`,
        [started.runId],
      );
      // Not a trivial plan: more lines than one statement writes.
      expect(expected.transfers.flatMap((o) => o.lines).length).toBeGreaterThan(5_000);
      expect(transfers.length).toBe(expected.transfers.length);
      expect(outside.length).toBe(expected.outside.length);
      expect({ transfers, outside }).toEqual(expected);

      const events = await fx.query<{ orders: number; events: number; payload_lines: number; line_rows: number }>(
        `select (select count(*)::int from transfer_orders where run_id = ?) + (select count(*)::int from external_orders where run_id = ?) as orders,
           (select count(*)::int from outbox_events e where exists (select 1 from transfer_orders o where o.id = e.aggregate_id and o.run_id = ?)
              or exists (select 1 from external_orders o where o.id = e.aggregate_id and o.run_id = ?)) as events,
           (select coalesce(sum(jsonb_array_length(payload -> 'lines')), 0)::int from outbox_events) as payload_lines,
           (select count(*)::int from transfer_order_lines) + (select count(*)::int from external_order_lines) as line_rows`,
        [started.runId, started.runId, started.runId, started.runId],
      );
      expect(events[0]!.events).toBe(events[0]!.orders);
      expect(events[0]!.payload_lines).toBe(events[0]!.line_rows);
      // Each event's payload lists exactly its order's lines, though they were written a product batch at a time.
      const mismatched = await fx.query(
        `select o.id from outbox_events e join transfer_orders o on o.id = e.aggregate_id
         where (select jsonb_agg(jsonb_build_object('productId', x ->> 'productId', 'quantity', (x ->> 'quantity')::int) order by x ->> 'productId' collate "C")
                from jsonb_array_elements(e.payload -> 'lines') x)
           is distinct from
               (select jsonb_agg(jsonb_build_object('productId', p.external_id, 'quantity', l.quantity) order by p.external_id collate "C")
                from transfer_order_lines l join products p on p.id = l.product_id where l.transfer_order_id = o.id)`,
      );
      expect(mismatched).toEqual([]);
    } finally {
      await fx.close();
    }
  });
});
