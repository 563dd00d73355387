import type { DeliveryReceipt, OutboxDispatch } from './dispatcher';
import { DeliveryTimeoutError } from './errors';
import type { ClaimedEvent } from './sql/claim-due-events';

/**
 * Runs one delivery, giving up after `timeoutMs`: the returned promise rejects with a
 * DeliveryTimeoutError then, and the handler's signal is aborted so a handler that passes
 * it on (to fetch) stops too. A handler that ignores the signal is left behind; its late
 * answer changes nothing, since the event was already settled as failed.
 */
export async function deliverWithTimeout(dispatch: OutboxDispatch, event: ClaimedEvent, timeoutMs: number): Promise<DeliveryReceipt> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeliveryTimeoutError(event.id, timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([dispatch(event, { signal: controller.signal }), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
