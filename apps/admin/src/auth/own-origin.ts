import type { MiddlewareHandler } from 'hono';
import type { AdminEnv } from '../admin-env';
import { currentMessages } from '../i18n/messages';
import { renderRefusalPage } from '../views/layout';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The admin's CSRF check: every request but a read must come from one of its own pages, as the
 * browser vouches for with `Sec-Fetch-Site: same-origin` or an `Origin` equal to the admin's own:
 * the one the request reached, or `publicOrigin` (ADMIN_PUBLIC_URL) behind a proxy that changes it.
 * Unlike hono/csrf, whatever the content type: a JSON or empty post must not slip past it (a
 * JSON post to the trigger started a run), and the forms' routes read any body as a form.
 */
export function requireOwnOrigin(publicOrigin?: string): MiddlewareHandler<AdminEnv> {
  return async function requireOwnOrigin(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const ownOrigin = origin !== undefined && (origin === new URL(c.req.url).origin || origin === publicOrigin);
      const sameOrigin = c.req.header('sec-fetch-site') === 'same-origin' || ownOrigin;
      if (!sameOrigin) {
        const t = currentMessages();
        return c.html(renderRefusalPage(t.app.foreignOrigin, t.app.foreignOriginBody), 403);
      }
    }
    await next();
  };
}
