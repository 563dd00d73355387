import { getConnInfo } from '@hono/node-server/conninfo';
import type { SessionFactory } from '@hub/db';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AdminEnv } from '../admin-env';
import { renderForbiddenPage, renderSignInPage } from '../views/sign-in-page';
import { deleteSession, touchSession } from './operators-sql';
import { clearSessionCookie, readSessionToken, sessionTokenHash, writeSessionCookie, type SessionCookieOptions } from './session-cookie';
import { signIn } from './sign-in';
import type { SignInThrottle } from './sign-in-throttle';
import { WITHOUT_NUL } from '../filter-fields';
import { readFormBody } from '../form-body';

export interface AuthDeps {
  sessions: SessionFactory;
  throttle: SignInThrottle;
  /** A session unused for this long is over (ADMIN_SESSION_IDLE_MINUTES). */
  idleSeconds: number;
  cookie: SessionCookieOptions;
}

/** Where the sign-in page sends the browser back to: a path on this admin, never another site. */
const returnPathSchema = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .catch('/');

const signInFormSchema = z.object({
  // No username holds a NUL, and PostgreSQL would refuse the lookup: such a name is refused like any unknown one.
  username: z.string().trim().toLowerCase().min(1).max(64).regex(WITHOUT_NUL).catch(''),
  password: z.string().max(1024).catch(''),
  next: returnPathSchema,
});

/** The client's address as the socket saw it; behind a proxy, the proxy's. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}

/**
 * The longest sign-in address the redirect carries. The whole return address goes into the
 * Location header, percent-encoded (up to three times longer): a long query string made it larger
 * than Node's and most proxies' header limits, and the stranger got no answer at all.
 */
const MAX_SIGN_IN_URL = 2_000;

/** The sign-in page's address that returns to `path` afterwards: without its query string, or home, when that would be too long. */
export function signInUrl(path: string): string {
  const withNext = (next: string) => (next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`);
  for (const candidate of [path, path.split('?')[0] ?? '/']) {
    const url = withNext(candidate);
    if (url.length <= MAX_SIGN_IN_URL) return url;
  }
  return withNext('/');
}

/**
 * Every request but the health check, the sign-in page and the static assets needs a live
 * session; without one, a page read goes to the sign-in page (and back afterwards) and any
 * other request is refused with 401.
 */
export function requireSignIn(deps: AuthDeps): MiddlewareHandler<AdminEnv> {
  return async function requireSignIn(c, next) {
    const token = readSessionToken(c);
    const operator = token === undefined ? null : await touchSession(deps.sessions.open(), sessionTokenHash(token), deps.idleSeconds);
    if (operator === null) {
      if (token !== undefined) clearSessionCookie(c, deps.cookie);
      const back = new URL(c.req.url);
      if (c.req.method === 'GET') return c.redirect(signInUrl(back.pathname + back.search), 303);
      return c.html(renderSignInPage({ next: '/', problem: 'expired' }), 401);
    }
    c.set('operator', operator);
    await next();
  };
}

/** Changes (starting runs, retrying events) are for operators; a viewer gets 403 and nothing happens. */
export function requireOperatorRole(): MiddlewareHandler<AdminEnv> {
  return async function requireOperatorRole(c, next) {
    if (c.var.operator.role !== 'operator') return c.html(renderForbiddenPage(), 403);
    await next();
  };
}

/** `GET /login`, `POST /login` (sign in, then back where the operator was going) and `POST /logout`. */
export function createAuthRoutes(deps: AuthDeps): Hono<AdminEnv> {
  return new Hono<AdminEnv>()
    .get('/login', (c) => c.html(renderSignInPage({ next: returnPathSchema.parse(c.req.query('next')) })))
    .post('/login', async (c) => {
      const form = signInFormSchema.parse(await readFormBody(c));
      const outcome = await signIn(deps, form.username, form.password, clientAddress(c));
      if (outcome.kind === 'throttled') {
        c.header('Retry-After', String(outcome.retryAfterSeconds));
        return c.html(renderSignInPage({ next: form.next, username: form.username, problem: 'throttled', retryAfterSeconds: outcome.retryAfterSeconds }), 429);
      }
      if (outcome.kind === 'refused') return c.html(renderSignInPage({ next: form.next, username: form.username, problem: 'refused' }), 401);
      writeSessionCookie(c, outcome.token, deps.cookie);
      return c.redirect(form.next, 303);
    })
    .post('/logout', async (c) => {
      const token = readSessionToken(c);
      if (token !== undefined) await deleteSession(deps.sessions.open(), sessionTokenHash(token));
      clearSessionCookie(c, deps.cookie);
      return c.redirect('/login?signed_out=1', 303);
    });
}
