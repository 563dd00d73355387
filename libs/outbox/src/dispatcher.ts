import { UnknownEventTypeError } from './errors';
import type { ClaimedEvent } from './sql/claim-due-events';

/** What a successful delivery leaves behind. */
export interface DeliveryReceipt {
  /** The other side's reference to what it created: stored as the event's `response_ref`. */
  responseRef: string;
  /**
   * Anything else the event's aggregate hooks should record (the other side's document
   * number, say). The outbox hands it to the `delivered` hook as it is.
   */
  outcome?: unknown;
}

/** What the outbox hands a handler besides the event. */
export interface DeliveryContext {
  /** Aborted when the per-delivery timeout fires; pass it on to calls that accept one. */
  signal: AbortSignal;
}

/**
 * Delivers one event of one type. Resolves once the other side has accepted it; throws
 * otherwise. An error with `retryable: false` (a PermanentDeliveryError, say) makes the
 * event dead at once; `retryAfterMs` on an error is honoured as the earliest retry.
 */
export type OutboxHandler = (event: ClaimedEvent, context: DeliveryContext) => Promise<DeliveryReceipt>;

/** Routes an event to the handler of its type. */
export type OutboxDispatch = OutboxHandler;

/**
 * Builds the dispatch function from one handler per event type (the registry the outbox's
 * users fill). An event whose type has no handler fails permanently (dead), with an error
 * naming the type: waiting would not make a handler appear, and a retry loop would only
 * hide the misconfiguration.
 */
export function createOutboxDispatcher(handlers: Readonly<Record<string, OutboxHandler | undefined>>): OutboxDispatch {
  return async function dispatchOutboxEvent(event, context) {
    const handler = Object.hasOwn(handlers, event.eventType) ? handlers[event.eventType] : undefined;
    if (!handler) throw new UnknownEventTypeError(event.id, event.eventType);
    return handler(event, context);
  };
}
