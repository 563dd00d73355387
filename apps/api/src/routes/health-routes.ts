import { OpenAPIHono } from '@hono/zod-openapi';
import { healthRoute, NOT_READY_REASONS, readyRoute } from '@hub/api-contract';
import type { ApiDependencies } from '../dependencies';
import { createReadinessCheck, type Readiness } from './readiness';

/** A probe that hangs is a failed probe: an orchestrator must get its answer. */
const READY_TIMEOUT_MS = 5_000;

function withTimeout(work: Promise<Readiness>): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: NOT_READY_REASONS.databaseUnreachable, message: `no answer within ${READY_TIMEOUT_MS} ms` }),
      READY_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** GET /health: the process answers. GET /ready: the database answers and its migrations are current. */
export function healthRoutes(deps: ApiDependencies): OpenAPIHono {
  const checkReadiness = createReadinessCheck(deps.sessions);
  return new OpenAPIHono()
    .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyRoute, async (c) => {
      const readiness = await withTimeout(checkReadiness());
      if (readiness.ready) return c.json({ status: 'ready' as const }, 200);
      return c.json({ status: 'not_ready' as const, reason: readiness.reason, message: readiness.message }, 503);
    });
}
