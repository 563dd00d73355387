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
 * How the answer names the wait: `Retry-After` in seconds for everyone; МойСклад also says it
 * its own documented way, `X-Lognex-Retry-After` in milliseconds with no requests remaining.
 */
function retryHeaders(system: SandboxSystem, retryAfterSeconds: number | undefined): Record<string, string> {
  if (retryAfterSeconds === undefined) return {};
  const standard = { 'Retry-After': String(retryAfterSeconds) };
  if (system !== 'moysklad') return standard;
  return { ...standard, 'X-Lognex-Retry-After': String(retryAfterSeconds * 1_000), 'X-RateLimit-Remaining': '0' };
}

/**
 * Applies the fault planned for a request to `system`'s API, which the sandbox serves under
 * `apiPrefix`: latency (cut short when the faults are cleared), a 429/5xx answer, or a dropped
 * connection (queued faults first, then rate-based ones). Every fault applied is recorded
 * with the request's Idempotency-Key.
 */
export function injectFaults(
  plan: FaultPlan,
  system: SandboxSystem,
  apiPrefix: string,
): MiddlewareHandler<{ Bindings: Partial<HttpBindings> }> {
  return async function injectFault(c, next) {
    const path = c.req.path.startsWith(apiPrefix) ? c.req.path.slice(apiPrefix.length) : c.req.path;
    const fault = plan.next({ system, method: c.req.method, path, idempotencyKey: c.req.header('idempotency-key') });
    if (!fault) return next();
    // Clearing the faults ends the wait early (sleep rejects with an AbortError); the rest of the fault still applies.
    if (fault.latencyMs) await sleep(fault.latencyMs, undefined, { signal: plan.cleared }).catch(() => undefined);
    if (fault.drop === 'before_handling') {
      dropConnection(c.env);
      return c.body(null);
    }
    if (fault.status !== undefined) {
      const headers = retryHeaders(system, fault.retryAfterSeconds);
      const body = errorBody(SANDBOX_ERROR_CODES.injectedFault, `injected fault: HTTP ${fault.status}`);
      // The schema admits only 429 and 5xx, all of which carry a body.
      return c.json(body, fault.status as ContentfulStatusCode, headers);
    }
    await next();
    if (fault.drop === 'after_handling') dropConnection(c.env);
  };
}
