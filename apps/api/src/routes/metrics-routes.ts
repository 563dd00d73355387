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
 * (hub_log_writes_failed_total), in the Prometheus text format. When the database does not
 * answer, the scrape still answers 200, with hub_outbox_stats_up 0 and no outbox gauges.
 */
export function metricsRoutes(deps: ApiDependencies, registry: Registry): OpenAPIHono {
  const outbox = registerOutboxGauges(registry);
  registerLogWriteFailures(registry, deps.logger);
  return new OpenAPIHono().openapi(metricsRoute, async (c) => {
    try {
      outbox.update(await readOutboxStats(deps.sessions.open(), ORDER_EVENT_TYPES));
    } catch (error) {
      // The process's own metrics matter most during an outage: they are served without the outbox's.
      outbox.unavailable();
      await deps.logger.warning('Metrics scraped without the outbox gauges: the outbox could not be read', { details: { error } });
    }
    return c.text(await exposition(registry), 200, { 'Content-Type': registry.contentType });
  });
}
