import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Histogram, type Registry } from 'prom-client';

/** The route label of a request no route of the API answers (the 404 of `notFound`). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The route a request was for, as /openapi.json names it (`/api/v1/runs/{run_id}`), never the
 * raw path: ids in a label would make a series per run. Middleware matches as `ALL`; the route is
 * the one endpoint among the matches (also when a middleware refused the request, e.g. a 401).
 */
function routeOf(c: Parameters<MiddlewareHandler>[0]): string {
  const endpoint = matchedRoutes(c).findLast((route) => route.method !== 'ALL');
  return endpoint ? endpoint.path.replaceAll(/:([^/]+)/g, '{$1}') : UNMATCHED_ROUTE;
}

/** `hub_http_request_duration_seconds{method,route,status}`: how long the API took to answer, by route pattern and status. */
export function recordRequestDurations(registry: Registry): MiddlewareHandler {
  const durations = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  return async function recordRequestDurations(c, next) {
    const stop = durations.startTimer();
    try {
      await next();
    } finally {
      stop({ method: c.req.method, route: routeOf(c), status: String(c.res.status) });
    }
  };
}
