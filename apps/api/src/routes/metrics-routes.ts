import { OpenAPIHono } from '@hono/zod-openapi';
import { metricsRoute, PROMETHEUS_CONTENT_TYPE } from '@hub/api-contract';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { formatOutboxMetrics, readOutboxStats } from '@hub/outbox';
import type { ApiDependencies } from '../dependencies';

/** GET /metrics: the outbox's gauges in the Prometheus text format, read fresh on every scrape. */
export function metricsRoutes(deps: ApiDependencies): OpenAPIHono {
  return new OpenAPIHono().openapi(metricsRoute, async (c) => {
    const stats = await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES);
    return c.text(formatOutboxMetrics(stats), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
  });
}
