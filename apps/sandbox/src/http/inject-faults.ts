import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
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

/** How a system answers an injected refusal: its own error body and headers. */
export type FaultAnswer = (c: Context, status: number, retryAfterSeconds: number | undefined) => Response;

/** 1С (our HTTP service): its error body and a standard `Retry-After` in seconds. */
export const oneCFaultAnswer: FaultAnswer = (c, status, retryAfterSeconds) =>
  // The schema admits only 429 and 5xx, all of which carry a body.
  c.json(
    errorBody(SANDBOX_ERROR_CODES.injectedFault, `injected fault: HTTP ${status}`),
    status as ContentfulStatusCode,
    retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
  );

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
  answer: FaultAnswer = oneCFaultAnswer,
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
    if (fault.status !== undefined) return answer(c, fault.status, fault.retryAfterSeconds);
    await next();
    if (fault.drop === 'after_handling') dropConnection(c.env);
  };
}
