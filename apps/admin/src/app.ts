import type { SessionFactory } from '@hub/db';
import { createStdoutLogger, type StdoutLogger } from '@hub/logging';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createHubApi } from './hub-api';
import { createLogsRoute } from './logs/logs-route';
import { createOutboxRoute } from './outbox/outbox-route';
import { createRunsRoute } from './runs/runs-route';
import { createTriggerRoute } from './trigger-route';
import { renderLayout, renderNotice } from './views/layout';

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
}

/** The admin web app: the logs page, the replenishment trigger, the runs, the outbox page and a health check. */
export function createAdminApp(deps: AdminAppDeps): Hono {
  const logger = deps.logger ?? createStdoutLogger('admin');
  // `origin` drops any path and any user:password@ in the URL, so it is safe to show.
  const apiOrigin = new URL(deps.apiBaseUrl).origin;
  const api = createHubApi({ baseUrl: deps.apiBaseUrl, token: deps.apiToken, fetch: deps.fetch });

  const app = new Hono();
  app.get('/', (c) => c.redirect('/logs'));
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/logs', createLogsRoute({ sessions: deps.sessions, api, apiOrigin, now: deps.now ?? (() => new Date()) }));
  app.route('/actions', createTriggerRoute({ api, apiOrigin, logger }));
  app.route('/outbox', createOutboxRoute({ sessions: deps.sessions, api, apiOrigin, logger }));
  app.route('/runs', createRunsRoute({ sessions: deps.sessions, now: deps.now ?? (() => new Date()) }));

  app.notFound((c) => c.html(renderLayout('Not found', renderNotice('info', 'There is no such page here. The logs are at /logs.')), 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    logger.error({ err: error, path: c.req.path }, 'admin request failed');
    return c.html(renderLayout('Error', renderNotice('error', 'The page could not be shown because of an internal error; the admin’s log has the details.')), 500);
  });
  return app;
}
