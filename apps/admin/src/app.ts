import { isDatabaseUnreachable, type SessionFactory } from '@hub/db';
import { createStdoutLogger, DEFAULT_LOG_RETENTION_DAYS, type LogRetention, type StdoutLogger } from '@hub/logging';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import type { AdminEnv } from './admin-env';
import { createAuthRoutes, requireSignIn, type AuthDeps } from './auth/auth-routes';
import { requireOwnOrigin } from './auth/own-origin';
import { createSignInThrottle, type SignInThrottle } from './auth/sign-in-throttle';
import { createHomeRoute } from './home-route';
import { createHubApi } from './hub-api';
import { createLangRoute, useLanguage } from './i18n/lang-route';
import { currentMessages } from './i18n/messages';
import { createLogsRoute } from './logs/logs-route';
import { createOutboxRoute } from './outbox/outbox-route';
import { createRunsRoute } from './runs/runs-route';
import { adminSecureHeaders } from './security-headers';
import { createTriggerRoute } from './trigger-route';
import { createAssetRoutes } from './views/assets';
import { renderLayout, renderNotice, renderRefusalPage } from './views/layout';

/** What the admin needs from the outside world; tests pass their own. */
export interface AdminAppDeps {
  sessions: SessionFactory;
  /** The Integration Hub API, e.g. http://127.0.0.1:8000. */
  apiBaseUrl: string;
  /** Bearer token for the API; never rendered or logged. */
  apiToken?: string;
  fetch?: typeof fetch;
  logger?: StdoutLogger;
  /** The clock preset periods end at. */
  now?: () => Date;
  /** A session unused for this long is over; 8 hours unless told. */
  sessionIdleMinutes?: number;
  /** Send the session cookie over HTTPS only. */
  secureCookie?: boolean;
  throttle?: SignInThrottle;
  /**
   * The origin operators open the admin at when it differs from the one the admin sees
   * (ADMIN_PUBLIC_URL: https behind a TLS-terminating proxy): posts from it are the admin's own.
   */
  publicOrigin?: string;
  /** The IANA zone times are shown and read in (ADMIN_TIMEZONE); Europe/Moscow unless told. */
  timeZone?: string;
  /** LOG_RETENTION_DAYS as the scheduler reads it, shown on the logs page; 90 days unless told. */
  logRetention?: LogRetention;
}

/** A form post is a few fields; anything bigger is not one of the admin's forms. */
const MAX_FORM_BYTES = 16 * 1024;
const DEFAULT_IDLE_MINUTES = 8 * 60;
/** The operators' time: a Russian retail network works in Moscow time. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** The admin web app: sign-in, home, the logs page, the replenishment trigger, the runs, the outbox page and a health check. */
export function createAdminApp(deps: AdminAppDeps): Hono<AdminEnv> {
  const logger = deps.logger ?? createStdoutLogger('admin');
  // `origin` drops any path and any user:password@ in the URL, so it is safe to show.
  const apiOrigin = new URL(deps.apiBaseUrl).origin;
  const api = createHubApi({ baseUrl: deps.apiBaseUrl, token: deps.apiToken, fetch: deps.fetch });
  const auth: AuthDeps = {
    sessions: deps.sessions,
    throttle: deps.throttle ?? createSignInThrottle(),
    idleSeconds: (deps.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES) * 60,
    cookie: { secure: deps.secureCookie ?? false },
  };

  const app = new Hono<AdminEnv>();
  // Views read the signed-in operator through the context (see admin-env.ts).
  app.use(contextStorage());
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  app.use(async function useTimeZone(c, next) {
    c.set('timeZone', timeZone);
    await next();
  });
  // Before everything that renders a page, the 413 and 403 pages included.
  app.use(useLanguage());
  app.use(adminSecureHeaders());
  app.use(
    bodyLimit({
      maxSize: MAX_FORM_BYTES,
      onError: (c) => c.html(renderRefusalPage(currentMessages().app.tooLarge, currentMessages().app.tooLargeBody), 413),
    }),
  );
  // Every form: a post that is not from the admin's own page (another site's Origin, or none) is refused with 403.
  app.use(requireOwnOrigin(deps.publicOrigin));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/', createAssetRoutes());
  app.route('/', createLangRoute());
  app.route('/', createAuthRoutes(auth));
  app.use(requireSignIn(auth));
  app.route('/', createHomeRoute({ sessions: deps.sessions, now: deps.now ?? (() => new Date()) }));
  const logRetention = deps.logRetention ?? { kind: 'days', days: DEFAULT_LOG_RETENTION_DAYS };
  app.route('/logs', createLogsRoute({ sessions: deps.sessions, now: deps.now ?? (() => new Date()), logger, logRetention }));
  app.route('/actions', createTriggerRoute({ api, apiOrigin, logger }));
  app.route('/outbox', createOutboxRoute({ sessions: deps.sessions, api, apiOrigin, logger }));
  app.route('/runs', createRunsRoute({ sessions: deps.sessions, api, apiOrigin, now: deps.now ?? (() => new Date()) }));

  app.notFound((c) => {
    const t = currentMessages();
    return c.html(renderLayout(t.app.notFound, renderNotice('info', t.app.notFoundBody)), 404);
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    const t = currentMessages();
    if (isDatabaseUnreachable(error)) {
      logger.error({ err: error, path: c.req.path }, 'admin request failed: the database did not answer');
      return c.html(renderLayout(t.app.error, renderNotice('error', t.app.databaseUnreachable)), 503);
    }
    logger.error({ err: error, path: c.req.path }, 'admin request failed');
    return c.html(renderLayout(t.app.error, renderNotice('error', t.app.internalError)), 500);
  });
  return app;
}
