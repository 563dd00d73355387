import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '@hub/api-contract';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';
import { documentChecker, type OpenApiDocument, type ReceivedAnswer } from './testing/openapi-conformance';

const TOKEN = 'openapi-test-token-5d20c9a1';
const WAREHOUSES = 'http://localhost/api/v1/warehouses';

interface Operation {
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
type Document = OpenApiDocument & { paths: Record<string, Record<string, Operation>> };

describe('GET /openapi.json and /docs', () => {
  let fx: ApiFixture;
  let guarded: ApiFixture;
  let document: Document;

  beforeAll(async () => {
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    [fx, guarded] = await Promise.all([openApiFixture(oneC), openApiFixture(oneC, { apiToken: TOKEN })]);
    const response = await fx.app.request('http://localhost/openapi.json');
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });
  afterAll(async () => {
    await Promise.all([fx?.close(), guarded?.close()]);
  });

  it('is OpenAPI 3.1 and lists every route the app serves, and nothing it does not', () => {
    expect(document.openapi).toBe('3.1.0');
    const served = fx.app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path.replaceAll(/:([^/]+)/g, '{$1}')}`);
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(new Set(documented)).toEqual(new Set(served));
    expect(documented).toEqual(
      expect.arrayContaining(['POST /api/v1/trigger/internal-replenishment', 'GET /api/v1/runs/{run_id}', 'POST /api/v1/outbox/{id}/retry', 'GET /metrics']),
    );
  });

  it('describes parameters and bodies with the limits the API enforces', async () => {
    const trigger = document.paths['/api/v1/trigger/internal-replenishment']?.post;
    expect(trigger?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:warehouse_id', 'query:trigger', 'query:dry_run', 'header:x-hub-operator']);
    expect(trigger?.requestBody?.content['application/json']?.schema.$ref).toBe('#/components/schemas/TriggerBody');
    const limit = document.paths['/api/v1/runs']?.get?.parameters?.find((p) => p.name === 'limit');
    expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE });
    // The schema the document was made from is the one that validates.
    const refused = await fx.app.request(`http://localhost/api/v1/runs?limit=${MAX_PAGE_SIZE + 1}`);
    expect([refused.status, await refused.json()]).toEqual([
      422,
      { error: { code: 'invalid_value', field: 'limit', message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` } },
    ]);
    expect(document.paths['/api/v1/runs/{run_id}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'run_id', in: 'path', schema: { type: 'string', format: 'uuid' } }),
    ]);
  });

  it('gives every error answer the one error shape { error: { code, message, field } }', () => {
    expect(document.components.schemas.ApiError).toMatchObject({
      properties: { error: { properties: { code: {}, message: { type: 'string' }, field: { type: 'string' } }, required: ['code', 'message'] } },
    });
    const errorAnswers = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.responses)
          .filter(([status]) => Number(status) >= 400 && !(path === '/ready' && status === '503'))
          .map(([status, response]) => [`${method} ${path} ${status}`, response.content?.['application/json']?.schema.$ref] as const),
      ),
    );
    expect(errorAnswers.length).toBeGreaterThan(20);
    for (const [answer, ref] of errorAnswers) {
      const expected = answer === 'post /api/v1/trigger/internal-replenishment 409' ? '#/components/schemas/RunInProgress' : '#/components/schemas/ApiError';
      expect(ref, answer).toBe(expected);
    }
    const statuses = new Set(errorAnswers.map(([answer]) => answer.split(' ')[2]));
    expect(statuses).toEqual(new Set(['401', '404', '409', '413', '422', '500', '502']));
  });

  it('lets the answer checker the api specs use refuse what the document does not describe', () => {
    const check = documentChecker(document);
    const json = { contentType: 'application/json' };
    const answer = (overrides: Partial<ReceivedAnswer>): ReceivedAnswer => ({
      method: 'GET',
      url: WAREHOUSES,
      status: 200,
      ...json,
      body: '{"items":[]}',
      ...overrides,
    });
    const item = { id: randomUUID(), code: 'MSK', name: 'Москва' };
    expect(() => check(answer({ body: JSON.stringify({ items: [item] }) }))).not.toThrow();
    expect(() => check(answer({ status: 418 }))).toThrow(/a status the document does not list/);
    expect(() => check(answer({ body: JSON.stringify({ items: [{ ...item, city: 'Москва' }] }) }))).toThrow(/must NOT have additional properties/);
    expect(() => check(answer({ body: JSON.stringify({ items: [{ ...item, id: 'msk' }] }) }))).toThrow(/must match format "uuid"/);
    expect(() => check(answer({ contentType: 'text/html' }))).toThrow(/Content-Type text\/html/);
    expect(() => check(answer({ url: 'http://localhost/api/v1/nothing', status: 200 }))).toThrow(/the document has no GET \/api\/v1\/nothing/);
    expect(() => check(answer({ url: 'http://localhost/api/v1/nothing', status: 404, body: '{"error":{"code":"not_found"}}' }))).toThrow(
      /must have required property 'message'/,
    );
    expect(() =>
      check(answer({ url: 'http://localhost/api/v1/nothing', status: 404, body: '{"error":{"code":"not_found","message":"No endpoint"}}' })),
    ).not.toThrow();
  });

  it('serves /docs with every script and style sheet it names from the API itself, and no inline script', async () => {
    const page = await fx.app.request('http://localhost/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '').filter((url) => !url.startsWith('data:'));
    expect(files).toEqual(['docs/swagger-ui.css', 'docs/swagger-ui-bundle.js', 'docs/docs.js']);
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    for (const file of files) {
      const response = await fx.app.request(`http://localhost/${file}`);
      expect([file, response.status, response.headers.get('content-type')]).toEqual([
        file,
        200,
        file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      ]);
      expect((await response.text()).length).toBeGreaterThan(100);
    }
    const missing = await fx.app.request('http://localhost/docs/petstore.json');
    expect([missing.status, await missing.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: 'The docs page has no file petstore.json', field: 'asset' } },
    ]);
  });

  // Found by the hostile-input fuzzer: the assets were an object literal, and `constructor` is every object's.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('answers /docs/%s 404 like any file it does not have', async (name) => {
    const response = await fx.app.request(`http://localhost/docs/${name}`);
    expect([response.status, await response.json()]).toEqual([
      404,
      { error: { code: 'not_found', message: `The docs page has no file ${name}`, field: 'asset' } },
    ]);
  });

  it('keeps /openapi.json and /docs open like /health when API_TOKEN is set, and names both ways to send the token', async () => {
    expect((await guarded.app.request(WAREHOUSES)).status).toBe(401);
    expect((await guarded.app.request('http://localhost/openapi.json')).status).toBe(200);
    expect((await guarded.app.request('http://localhost/docs')).status).toBe(200);
    expect((await guarded.app.request('http://localhost/docs/docs.js')).status).toBe(200);
    expect(document.components).toMatchObject({
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, adminToken: { type: 'apiKey', in: 'header', name: 'X-Admin-Token' } },
    });
    // Either scheme will do: a list of two requirements, not one requirement naming both.
    expect(document.paths['/api/v1/warehouses']?.get).toMatchObject({ security: [{ bearerAuth: [] }, { adminToken: [] }] });
    expect(document.paths['/api/v1/trigger/internal-replenishment']?.post?.responses?.['401']).toMatchObject({
      description: expect.stringContaining('X-Admin-Token'),
    });
  });
});
