import { OpenAPIHono } from '@hono/zod-openapi';
import { metricsRoute } from '@hub/api-contract';
import { registerLogWriteFailures } from '@hub/logging';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { readOutboxStats, registerOutboxGauges } from '@hub/outbox';
import { exposition } from '@hub/runtime';
import type { Registry } from 'prom-client';
import type { ApiDependencies } from '../dependencies';

/**
 * GET /metrics: the process's metrics and the request durations in `registry`, and the outbox's
 * gauges, read fresh on every scrape, and the log entries the logger could not store
 * (hub_log_writes_failed_total), in the Prometheus text format.
 */
export function metricsRoutes(deps: ApiDependencies, registry: Registry): OpenAPIHono {
  const outbox = registerOutboxGauges(registry);
  registerLogWriteFailures(registry, deps.logger);
  return new OpenAPIHono().openapi(metricsRoute, async (c) => {
    outbox.update(await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES));
    return c.text(await exposition(registry), 200, { 'Content-Type': registry.contentType });
  });
}
