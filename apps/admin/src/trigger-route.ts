import type { StdoutLogger } from '@hub/logging';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AdminEnv } from './admin-env';
import { requireOperatorRole } from './auth/auth-routes';
import type { HubApi } from './hub-api';
import { urlAfterTrigger } from './trigger-flash';
import { currentMessages } from './i18n/messages';
import { renderLayout, renderNotice } from './views/layout';
import { readFormBody } from './form-body';

interface TriggerRouteDeps {
  api: HubApi;
  apiOrigin: string;
  logger: StdoutLogger;
}

const triggerFormSchema = z.object({
  warehouse_id: z.preprocess((value) => (value === '' ? undefined : value), z.uuid({ error: () => currentMessages().validation.warehouseId }).optional()),
});

/**
 * `POST /actions/trigger-replenishment`: asks the API to start an internal replenishment
 * run, then redirects to the new run's page, or back to the new-run page saying why not.
 */
export function createTriggerRoute(deps: TriggerRouteDeps): Hono<AdminEnv> {
  // The button starts real work: operators only (the app's requireOwnOrigin() keeps other sites' forms out).
  return new Hono<AdminEnv>().post('/trigger-replenishment', requireOperatorRole(), async (c) => {
    const form = triggerFormSchema.safeParse(await readFormBody(c));
    if (!form.success) {
      const problems = form.error.issues.map((issue) => issue.message).join('; ');
      const t = currentMessages();
      return c.html(renderLayout(t.newRun.title, renderNotice('error', html`${t.newRun.notStarted(problems)} <a href="/runs/new">${t.app.back}</a>`)), 422);
    }
    const warehouseId = form.data.warehouse_id;
    const operator = c.var.operator.username;
    const outcome = await deps.api.triggerReplenishment(warehouseId, operator);
    if (outcome.kind === 'started') deps.logger.info({ runId: outcome.runId, warehouseId, operator }, 'internal replenishment triggered');
    else deps.logger.warn({ outcome, api: deps.apiOrigin, warehouseId, operator }, 'internal replenishment trigger failed');
    // 303: the browser follows with a GET, so a reload does not post again.
    return c.redirect(urlAfterTrigger(outcome, warehouseId), 303);
  });
}
