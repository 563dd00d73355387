/*
 * The API's contract: every route's parameters, bodies and answers as zod schemas with their
 * OpenAPI definitions (`createRoute`). The API validates with these very schemas and serves
 * the document they make (/openapi.json); the admin parses the API's answers with them.
 */
export { ADMIN_TOKEN_HEADER, ADMIN_TOKEN_SCHEME_NAME, BEARER_SCHEME_NAME, BEARER_SECURITY } from './common';
export { OPENAPI_DOCUMENT_INFO } from './document';
export { API_ERROR_CODES, apiErrorSchema, runInProgressSchema, type ApiErrorAnswer, type ApiErrorCode } from './errors';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, NEXT_CURSOR_FIELDS } from './pagination';
export { listWarehousesRoute, warehouseListSchema, type WarehouseListAnswer } from './catalog';
export {
  dryRunPlanSchema,
  HTTP_TRIGGERS,
  MAX_TRIGGER_BODY_BYTES,
  triggerAcceptedSchema,
  triggerBodySchema,
  triggerRoute,
  type DryRunPlan,
  type DryRunPlanAnswer,
  type TriggerAcceptedAnswer,
} from './trigger';
export { getRunRoute, listRunsRoute, runDetailSchema, runSchema } from './runs';
export {
  listOutboxRoute,
  outboxEventSchema,
  outboxStatsRoute,
  outboxStatsSchema,
  retryAcceptedSchema,
  retryOutboxEventRoute,
  type RetryAcceptedAnswer,
} from './outbox';
export {
  ADMIN_TOKEN_SECURITY_SCHEME,
  BEARER_SECURITY_SCHEME,
  docsAssetRoute,
  docsPageRoute,
  healthRoute,
  metricsRoute,
  NOT_READY_REASONS,
  openApiDocumentRoute,
  PROMETHEUS_CONTENT_TYPE,
  readyRoute,
  type NotReadyReason,
} from './operations';
