import { Hono } from 'hono';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { formatOutboxMetrics, PROMETHEUS_CONTENT_TYPE, readOutboxStats } from '@hub/outbox';
import type { ApiDependencies } from '../dependencies';

/** GET /metrics: the outbox's gauges in the Prometheus text format, read fresh on every scrape. */
export function metricsRoutes(deps: ApiDependencies): Hono {
  return new Hono().get('/metrics', async (c) => {
    const stats = await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES);
    return c.body(formatOutboxMetrics(stats), 200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
  });
}
