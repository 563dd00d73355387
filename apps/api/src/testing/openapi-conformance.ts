/**
 * Test support: every answer the API gives is one its OpenAPI document describes. An answer of a
 * documented operation must have a documented status and media type, and its JSON body must match
 * the documented schema read strictly (an object names all its fields: a field the document does
 * not list fails). Anything else (an unknown path, or a method a path does not have) must be an
 * error status with the document's error shape.
 */
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIHono } from '@hono/zod-openapi';

interface MediaType {
  schema?: unknown;
}
interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** The answer to check, as a test received it. */
export interface ReceivedAnswer {
  method: string;
  url: string;
  status: number;
  contentType: string | null;
  body: string;
}

const DOCUMENT_ID = 'openapi.json';
const ERROR_SCHEMA = `${DOCUMENT_ID}#/components/schemas/ApiError`;
const pointer = (...parts: string[]): string => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const essence = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** The document as a strict reader takes it: every object schema with properties allows no others. */
function strictly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strictly);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, strictly(inner)]));
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

/** The documented path a request path falls under: literal paths before templated ones (/outbox/stats before /outbox/{id}). */
function pathMatcher(paths: string[]): (path: string) => string | undefined {
  const templated = paths
    .map((template) => ({ template, pattern: new RegExp(`^${template.replaceAll(/\{[^/]+\}/g, '[^/]+')}$`), params: template.split('{').length }))
    .sort((a, b) => a.params - b.params);
  return (path) => templated.find(({ pattern }) => pattern.test(path))?.template;
}

/** Checks answers against `document`; `check` throws an Error saying what the document does not allow. */
export function documentChecker(document: OpenApiDocument): (answer: ReceivedAnswer) => void {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(strictly(document) as object, DOCUMENT_ID);
  const documentedPath = pathMatcher(Object.keys(document.paths));

  const validate = (schemaRef: string, body: string, what: string): void => {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      throw new Error(`${what}: the body is not JSON: ${body.slice(0, 200)}`);
    }
    const validator = ajv.getSchema(schemaRef);
    if (!validator) throw new Error(`${what}: the document has no schema ${schemaRef}`);
    if (!validator(value))
      throw new Error(`${what}: the body does not match the document: ${ajv.errorsText(validator.errors?.slice(0, 5))}\n${body.slice(0, 500)}`);
  };

  return function check({ method, url, status, contentType, body }) {
    const path = new URL(url, 'http://localhost').pathname;
    const what = `${method} ${path} answered ${status}`;
    const template = documentedPath(path);
    const operation = template === undefined ? undefined : document.paths[template]?.[method.toLowerCase()];
    if (!template || !operation) {
      if (status < 400) throw new Error(`${what}, but the document has no ${method} ${path}`);
      if (contentType === null || essence(contentType) !== 'application/json') throw new Error(`${what} with ${contentType}, not the JSON error shape`);
      validate(ERROR_SCHEMA, body, what);
      return;
    }
    const response = operation.responses[String(status)];
    if (!response)
      throw new Error(`${what}, a status the document does not list for ${method.toUpperCase()} ${template} (${Object.keys(operation.responses).join(', ')})`);
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) {
      if (body !== '') throw new Error(`${what} with a body the document does not describe`);
      return;
    }
    const mediaType = Object.keys(content).find((documented) => contentType !== null && essence(documented) === essence(contentType));
    if (!mediaType) throw new Error(`${what} with Content-Type ${contentType}; the document lists ${Object.keys(content).join(', ')}`);
    if (essence(mediaType) === 'application/json') {
      validate(`${DOCUMENT_ID}#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status), 'content', mediaType, 'schema')}`, body, what);
    }
  };
}

/**
 * Makes `app.request` check every answer against the app's own /openapi.json before the test
 * sees it, so a spec that receives an undocumented answer fails. The document is read once,
 * on the first request, from the app itself.
 */
export function checkAnswersAgainstDocument(app: OpenAPIHono): void {
  const request = app.request;
  let checker: Promise<(answer: ReceivedAnswer) => void> | undefined;
  const loadChecker = async () => documentChecker((await (await request('http://localhost/openapi.json')).json()) as OpenApiDocument);
  app.request = async (input, init, env, executionContext) => {
    const response = await request(input, init, env, executionContext);
    checker ??= loadChecker();
    const check = await checker;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = input instanceof Request ? input.url : String(input);
    check({ method, url, status: response.status, contentType: response.headers.get('content-type'), body: await response.clone().text() });
    return response;
  };
}
