import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import {
  ADMIN_TOKEN_SCHEME_NAME,
  ADMIN_TOKEN_SECURITY_SCHEME,
  API_ERROR_CODES,
  BEARER_SCHEME_NAME,
  BEARER_SECURITY_SCHEME,
  OPENAPI_DOCUMENT_INFO,
  openApiDocumentRoute,
} from '@hub/api-contract';
import { createMetricsRegistry } from '@hub/runtime';
import { ApiError } from './api-error';
import type { ApiDependencies } from './dependencies';
import { mapLibError } from './error-mapping';
import { requireApiToken } from './middleware/api-token';
import { recordRequestDurations } from './middleware/request-metrics';
import { requestId } from './middleware/request-id';
import { limitRequestBodies, validationHook } from './middleware/validate';
import { catalogRoutes } from './routes/catalog-routes';
import { docsRoutes } from './routes/docs-routes';
import { healthRoutes } from './routes/health-routes';
import { metricsRoutes } from './routes/metrics-routes';
import { outboxRoutes } from './routes/outbox-routes';
import { runsRoutes } from './routes/runs-routes';
import { triggerRoutes } from './routes/trigger-routes';
import './context';

export type { ApiDependencies } from './dependencies';

/**
 * The API: /health and /ready open to probes, /openapi.json and /docs open to readers; with a token
 * configured, every write needs it, and so do reads of /api and /metrics unless `readsNeedToken` is false. Every route is a
 * route of @hub/api-contract, validated by its schemas (a refusal is the 422 of `validationHook`).
 * Errors become JSON here and only here: the API's own, the libs' through the table in
 * error-mapping.ts, anything else a 500 with the request id and no internals (a stack trace never
 * leaves the process; the log row has it).
 */
export function createApp(deps: ApiDependencies): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME_NAME, BEARER_SECURITY_SCHEME);
  app.openAPIRegistry.registerComponent('securitySchemes', ADMIN_TOKEN_SCHEME_NAME, ADMIN_TOKEN_SECURITY_SCHEME);
  const metrics = createMetricsRegistry();
  app.use(recordRequestDurations(metrics));
  app.use(requestId());
  // Before the token check: a body too large for any route is refused unread, whoever sends it.
  app.use(limitRequestBodies());
  // /metrics holds counts only, but is served on the same port as /api: a scraper sends the same token.
  if (deps.apiToken) app.use(requireApiToken(deps.apiToken, { reads: deps.readsNeedToken ?? true }));

  // The contract's paths are whole: every group is mounted at the root.
  for (const routes of [healthRoutes, triggerRoutes, catalogRoutes, runsRoutes, outboxRoutes, docsRoutes]) app.route('/', routes(deps));
  app.route('/', metricsRoutes(deps, metrics));
  // Open like /health (it describes the API and holds no data); made once, when first asked for, from every route above.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.openapi(openApiDocumentRoute, (c) => {
    document ??= app.getOpenAPI31Document(OPENAPI_DOCUMENT_INFO);
    // The generator's OpenAPIObject is JSON, but not the JSONValue type the route's record schema asks for.
    return c.json(document as unknown as Record<string, never>, 200);
  });

  app.notFound((c) => {
    const error = new ApiError(404, API_ERROR_CODES.notFound, `No endpoint ${c.req.method} ${c.req.path}`);
    return c.json(error.toBody(), 404);
  });
  app.onError(async (error, c) => {
    const answer = error instanceof ApiError ? error : mapLibError(error, c);
    if (answer) return c.json(answer.toBody(), answer.status);
    if (error instanceof HTTPException) {
      return c.json({ error: { code: `http_${error.status}`, message: error.message || 'Request refused' } }, error.status);
    }
    await deps.logger.error(`Unhandled error in ${c.req.method} ${c.req.path}`, { step: 'http', details: { error } });
    const internal = new ApiError(500, API_ERROR_CODES.internal, `Internal error; quote request id ${c.get('requestId')} when reporting it`);
    return c.json(internal.toBody(), 500);
  });
  return app;
}
