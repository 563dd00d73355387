import type { OutboxEventType } from '@hub/db';
import { UnknownEventTypeError } from './errors';
import type { ClaimedEvent } from './sql/claim-due-events';

/** What a successful delivery leaves behind: the other side's reference to what it created. */
export interface DeliveryReceipt {
  responseRef: string;
}

/** What the outbox hands a handler besides the event. */
export interface DeliveryContext {
  /** Aborted when the per-delivery timeout fires; pass it on to calls that accept one. */
  signal: AbortSignal;
}

/**
 * Delivers one event of one type. Resolves once the other side has accepted it; throws
 * otherwise (an ExternalSystemError says whether a retry can help; a
 * PermanentDeliveryError says it cannot).
 */
export type OutboxHandler = (event: ClaimedEvent, context?: DeliveryContext) => Promise<DeliveryReceipt>;

/** Routes an event to the handler of its type. */
export type OutboxDispatch = OutboxHandler;

/**
 * Builds the dispatch function from one handler per event type. An event whose type has
 * no handler fails permanently (dead), with an error naming the type: waiting would not
 * make a handler appear, and a retry loop would only hide the misconfiguration.
 */
export function createOutboxDispatcher(handlers: Partial<Record<OutboxEventType, OutboxHandler>>): OutboxDispatch {
  return async function dispatchOutboxEvent(event, context) {
    const handler = Object.hasOwn(handlers, event.eventType) ? handlers[event.eventType] : undefined;
    if (!handler) throw new UnknownEventTypeError(event.id, event.eventType);
    return handler(event, context);
  };
}
