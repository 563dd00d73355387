import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { API_ERROR_CODES, docsAssetRoute, docsPageRoute } from '@hub/api-contract';
import swaggerUiDirectory from 'swagger-ui-dist/absolute-path.js';
import { ApiError } from '../api-error';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_PAGE, DOCS_SCRIPT } from '../docs/docs-page';

const CSS = 'text/css; charset=utf-8';
const JAVASCRIPT = 'text/javascript; charset=utf-8';

/**
 * The page's files by name: from the swagger-ui-dist package, or our own initialiser. A Map, not an
 * object literal: `/docs/constructor` found Object's own `constructor` there and answered 500.
 */
const ASSETS = new Map<string, { type: string; read: () => Promise<string> }>([
  ['swagger-ui.css', { type: CSS, read: () => readFile(join(swaggerUiDirectory(), 'swagger-ui.css'), 'utf8') }],
  ['swagger-ui-bundle.js', { type: JAVASCRIPT, read: () => readFile(join(swaggerUiDirectory(), 'swagger-ui-bundle.js'), 'utf8') }],
  ['docs.js', { type: JAVASCRIPT, read: async () => DOCS_SCRIPT }],
]);

/** GET /docs (Swagger UI on /openapi.json) and GET /docs/{asset} (its scripts and style sheet, read once). */
export function docsRoutes(): OpenAPIHono {
  const read = new Map<string, Promise<string>>();
  return new OpenAPIHono()
    .openapi(docsPageRoute, (c) => c.html(DOCS_PAGE, 200, { 'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY }))
    .openapi(docsAssetRoute, async (c) => {
      const { asset } = c.req.valid('param');
      const file = ASSETS.get(asset);
      if (!file) throw new ApiError(404, API_ERROR_CODES.notFound, `The docs page has no file ${asset}`, 'asset');
      if (!read.has(asset)) read.set(asset, file.read());
      return c.body(await (read.get(asset) as Promise<string>), 200, { 'Content-Type': file.type, 'Cache-Control': 'public, max-age=3600' });
    });
}
