import { describe, expect, it } from 'vitest';
import { useRunEnvironment } from '../testing/run-fixture';
import { readRunOrders } from '../sql/run-orders-sql';
import { planDryRun } from './dry-run';
import type { ExplainedLine, WarehouseLabel } from './plan-view';
import { startReplenishmentRun } from './start-run';

/** An order as both a dry run and a recorded run describe it: codes, SKUs, quantities and the numbers behind them. */
const comparable = (order: { source?: WarehouseLabel; target: WarehouseLabel; lines: ExplainedLine[] }) => ({
  source: order.source?.code ?? null,
  target: order.target.code,
  lines: order.lines
    .map((line) => ({ sku: line.product.sku, quantity: line.quantity, explanation: line.explanation }))
    .sort((a, b) => a.sku.localeCompare(b.sku)),
});
const byWarehouses = (a: ReturnType<typeof comparable>, b: ReturnType<typeof comparable>) => `${a.source}>${a.target}`.localeCompare(`${b.source}>${b.target}`);

describe('a dry run and the run after it', () => {
  const env = useRunEnvironment();
  const deps = () => ({ sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger });

  it('plan the same orders line by line, explanations included: one snapshot, one planner', async () => {
    const dry = await planDryRun(deps(), {});
    expect(dry.transferOrders.length).toBeGreaterThan(0);
    expect(dry.externalOrders.length).toBeGreaterThan(0);

    const run = await startReplenishmentRun(deps(), { trigger: 'endpoint' });
    expect(await run.completion).toMatchObject({ status: 'succeeded', counts: dry.counts });
    const recorded = await readRunOrders(env.fx.sessions.open(), run.runId);

    expect(recorded.transferOrders.map(comparable).sort(byWarehouses)).toEqual(dry.transferOrders.map(comparable).sort(byWarehouses));
    expect(recorded.externalOrders.map(comparable).sort(byWarehouses)).toEqual(dry.externalOrders.map(comparable).sort(byWarehouses));

    // The run's orders are open now: a dry run right after plans nothing.
    expect((await planDryRun(deps(), {})).counts).toMatchObject({ transferOrders: 0, externalOrders: 0 });
  });
});
