import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FaultPlan, SandboxSystem } from '../state/fault-plan';
import { errorBody, SANDBOX_ERROR_CODES } from './sandbox-error';

/** Cuts the TCP connection under the request, so the caller sees a network error and no answer. */
function dropConnection(env: Partial<HttpBindings> | undefined): void {
  const socket = env?.incoming?.socket;
  // app.request() in tests has no socket to cut; failing loudly beats silently answering.
  if (!socket) throw new Error('dropping a connection needs a real server (@hono/node-server)');
  socket.destroy();
}

/**
 * Applies the next queued fault (latency, a 429/5xx answer, a dropped connection) to a request
 * for `system`'s API, which the sandbox serves under `apiPrefix`.
 */
export function injectFaults(
  plan: FaultPlan,
  system: SandboxSystem,
  apiPrefix: string,
): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return async function injectFault(c, next) {
    const path = c.req.path.startsWith(apiPrefix) ? c.req.path.slice(apiPrefix.length) : c.req.path;
    const fault = plan.next(system, path);
    if (!fault) return next();
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.drop === 'before_handling') {
      dropConnection(c.env);
      return c.body(null);
    }
    if (fault.status !== undefined) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      const body = errorBody(SANDBOX_ERROR_CODES.injectedFault, `injected fault: HTTP ${fault.status}`);
      // The schema admits only 429 and 5xx, all of which carry a body.
      return c.json(body, fault.status as ContentfulStatusCode, headers);
    }
    await next();
    if (fault.drop === 'after_handling') dropConnection(c.env);
  };
}
