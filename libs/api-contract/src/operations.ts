import { createRoute, z } from '@hono/zod-openapi';
import { ADMIN_TOKEN_HEADER, BEARER_SECURITY, jsonAnswer } from './common';
import { errorResponses, GUARDED_ERRORS } from './errors';

/** Why /ready says no. */
export const NOT_READY_REASONS = {
  databaseUnreachable: 'database_unreachable',
  migrationsPending: 'migrations_pending',
  migrationsUnknown: 'migrations_unknown',
  migrationsUnchecked: 'migrations_unchecked',
} as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[keyof typeof NOT_READY_REASONS];

export const notReadySchema = z
  .object({
    status: z.literal('not_ready'),
    reason: z.enum(Object.values(NOT_READY_REASONS) as [NotReadyReason, ...NotReadyReason[]]),
    message: z.string(),
  })
  .openapi('NotReady');

/** The Prometheus text exposition format /metrics answers in. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'The process answers (open to probes)',
  responses: { 200: jsonAnswer('Alive', z.object({ status: z.literal('ok') })) },
});

export const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['operations'],
  summary: 'The database answers and every migration is applied (open to probes)',
  responses: {
    200: jsonAnswer('Ready', z.object({ status: z.literal('ready') })),
    503: jsonAnswer('Not ready, and why', notReadySchema),
    ...errorResponses([500]),
  },
});

export const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics',
  description:
    'Process, GC and event-loop metrics (`process_*`, `nodejs_*`), `hub_http_request_duration_seconds{method,route,status}` by route pattern, ' +
    '`hub_outbox_events{status,event_type}` (zeros included) and `hub_outbox_oldest_pending_age_seconds{event_type}`.',
  security: BEARER_SECURITY,
  responses: {
    200: { description: 'The Prometheus text format', content: { [PROMETHEUS_CONTENT_TYPE]: { schema: z.string() } } },
    ...errorResponses(GUARDED_ERRORS),
  },
});

export const openApiDocumentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['documentation'],
  summary: 'This document (OpenAPI 3.1), open like /health: it describes the API and holds no data',
  responses: { 200: jsonAnswer('The OpenAPI document', z.record(z.string(), z.unknown())) },
});

export const docsPageRoute = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['documentation'],
  summary: 'This document as an interactive page (Swagger UI, served by the API itself: no CDN)',
  responses: { 200: { description: 'The page', content: { 'text/html': { schema: z.string() } } } },
});

export const docsAssetRoute = createRoute({
  method: 'get',
  path: '/docs/{asset}',
  tags: ['documentation'],
  summary: 'A script or style sheet of the /docs page',
  request: { params: z.object({ asset: z.string() }) },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/css': { schema: z.string() }, 'text/javascript': { schema: z.string() } },
    },
    ...errorResponses([404, 500], { 404: 'The page has no such file (code `not_found`)' }),
  },
});

const WHEN_REQUIRED =
  'Writes (every POST) need API_TOKEN whenever authentication is on: always in production (NODE_ENV=production) unless API_AUTH=off, ' +
  'elsewhere when API_TOKEN is set. Reads of /api/* and /metrics need it too unless API_AUTH_READS=off. /health, /ready, /openapi.json and /docs are always open.';

/** `Authorization: Bearer <API_TOKEN>`, one of the two ways to send the token. */
export const BEARER_SECURITY_SCHEME = {
  type: 'http',
  scheme: 'bearer',
  description: `API_TOKEN as \`Authorization: Bearer <API_TOKEN>\`. ${WHEN_REQUIRED}`,
} as const;

/** `X-Admin-Token: <API_TOKEN>`, as the first release's admin sent it: the same token, the other way to send it. */
export const ADMIN_TOKEN_SECURITY_SCHEME = {
  type: 'apiKey',
  in: 'header',
  name: ADMIN_TOKEN_HEADER,
  description: `API_TOKEN as \`${ADMIN_TOKEN_HEADER}: <API_TOKEN>\` (the first release's header). ${WHEN_REQUIRED}`,
} as const;
