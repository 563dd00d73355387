import type { SessionFactory } from '@hub/db';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { readDeliveryHours, readOutboxStats } from '@hub/outbox';
import { listRuns, listWarehouses, readRunDays } from '@hub/replenishment';
import { Hono } from 'hono';
import type { AdminEnv } from './admin-env';
import { renderHomePage } from './views/home-page';

interface HomeRouteDeps {
  sessions: SessionFactory;
  now: () => Date;
}

const LAST_RUNS = 10;
const RUN_DAYS = 14;
const DELIVERY_HOURS = 24;

/** `GET /`: the last runs, the outbox's health and the two charts, read straight from the database. */
export function createHomeRoute(deps: HomeRouteDeps): Hono<AdminEnv> {
  return new Hono<AdminEnv>().get('/', async (c) => {
    const em = () => deps.sessions.open();
    const until = deps.now();
    const [runs, warehouses, outbox, runDays, deliveryHours] = await Promise.all([
      listRuns(em(), { limit: LAST_RUNS }),
      listWarehouses(em()),
      readOutboxStats(em(), ORDER_EVENT_TYPES),
      readRunDays(em(), { days: RUN_DAYS, until, timeZone: c.var.timeZone }),
      readDeliveryHours(em(), { hours: DELIVERY_HOURS, until }),
    ]);
    return c.html(
      renderHomePage({
        lastRuns: runs.items,
        warehouses: new Map(warehouses.map((warehouse) => [warehouse.id, warehouse])),
        outbox,
        runDays,
        deliveryHours,
      }),
    );
  });
}
