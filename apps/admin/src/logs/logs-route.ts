import type { SessionFactory } from '@hub/db';
import { queryLogs } from '@hub/logging';
import { Hono } from 'hono';
import type { HubApi } from '../hub-api';
import { readTriggerFlash } from '../trigger-flash';
import { renderLogsPage } from '../views/logs-page';
import { parseLogsRequest, readLogsForm } from './logs-request';

interface LogsRouteDeps {
  sessions: SessionFactory;
  api: HubApi;
  apiOrigin: string;
  now: () => Date;
}

/** `GET /logs`: the filters, the trigger button and the logs of the chosen period. */
export function createLogsRoute(deps: LogsRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const params = c.req.query();
    const form = readLogsForm(params);
    const flash = readTriggerFlash(params);
    const request = parseLogsRequest(form, deps.now());
    // The list only fills the trigger's select; ask for it while the database answers.
    const warehouses = deps.api.listWarehouses();
    const page = { form, flash, apiOrigin: deps.apiOrigin };
    if (request.kind === 'invalid') {
      return c.html(renderLogsPage({ ...page, warehouses: await warehouses, outcome: request }), 422);
    }
    const { query, period } = request;
    const result = await queryLogs(deps.sessions.open(), query);
    const filtered = query.level !== undefined || query.jobName !== undefined || query.runId !== undefined;
    return c.html(renderLogsPage({ ...page, warehouses: await warehouses, outcome: { kind: 'result', period, filtered, result } }));
  });
}
