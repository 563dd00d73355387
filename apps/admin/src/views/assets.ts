import { Hono } from 'hono';
import { ADMIN_SCRIPT } from './script';
import { ADMIN_STYLES } from './styles';

/** Where the admin serves its stylesheet and script; nothing loads from anywhere else. */
export const ADMIN_STYLES_PATH = '/assets/admin.css';
export const ADMIN_SCRIPT_PATH = '/assets/admin.js';

/** Serves the stylesheet and the script, cacheable for an hour; they need no session. */
export function createAssetRoutes(): Hono {
  const cached = { 'cache-control': 'public, max-age=3600' };
  return new Hono()
    .get(ADMIN_STYLES_PATH, (c) => c.body(ADMIN_STYLES, 200, { ...cached, 'content-type': 'text/css; charset=utf-8' }))
    .get(ADMIN_SCRIPT_PATH, (c) => c.body(ADMIN_SCRIPT, 200, { ...cached, 'content-type': 'text/javascript; charset=utf-8' }));
}
