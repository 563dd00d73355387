import { isDatabaseUnreachable, UnknownCursorError, type SessionFactory } from '@hub/db';
import { queryLogs, readLogRetentionStatus, type LogRetention, type StdoutLogger } from '@hub/logging';
import { Hono } from 'hono';
import type { AdminEnv } from '../admin-env';
import { currentMessages } from '../i18n/messages';
import { renderLogsPage } from '../views/logs-page';
import { parseLogsRequest, readLogsForm } from './logs-request';

interface LogsRouteDeps {
  sessions: SessionFactory;
  now: () => Date;
  logger: StdoutLogger;
  logRetention: LogRetention;
}

/** `GET /logs`: the filters and a page of the logs of the chosen period. */
export function createLogsRoute(deps: LogsRouteDeps): Hono<AdminEnv> {
  return new Hono<AdminEnv>().get('/', async (c) => {
    const params = c.req.query();
    const form = readLogsForm(params);
    const request = parseLogsRequest(form, deps.now(), c.var.timeZone);
    const page = { form, retention: { setting: deps.logRetention, status: null } };
    if (request.kind === 'invalid') {
      return c.html(renderLogsPage({ ...page, outcome: request }), 422);
    }
    const { query, period } = request;
    try {
      const result = await queryLogs(deps.sessions.open(), query);
      const status = result.kind === 'table-missing' ? null : await readLogRetentionStatus(deps.sessions.open());
      const filters = [query.level, query.jobName, query.runId, query.requestId, query.externalSystem, query.step, query.status, query.text];
      const filtered = filters.some((value) => value !== undefined);
      return c.html(renderLogsPage({ ...page, retention: { ...page.retention, status }, outcome: { kind: 'result', period, filtered, result } }));
    } catch (error) {
      if (error instanceof UnknownCursorError) {
        const problems = [currentMessages().logs.cursorUnknown];
        return c.html(renderLogsPage({ ...page, outcome: { kind: 'invalid', problems } }), 422);
      }
      if (!isDatabaseUnreachable(error)) throw error;
      deps.logger.error({ err: error }, 'logs page: the database did not answer');
      return c.html(renderLogsPage({ ...page, outcome: { kind: 'unreachable' } }), 503);
    }
  });
}
