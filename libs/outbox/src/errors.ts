/**
 * A delivery failure that trying again cannot fix (a payload the other side's contract
 * rejects, an event type nobody handles). The outbox marks such an event dead at once.
 */
export class PermanentDeliveryError extends Error {
  readonly retryable = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** The event's payload does not match the contract of its event type. */
export class InvalidOutboxPayloadError extends PermanentDeliveryError {
  constructor(eventId: string, problem: string, options?: { cause?: unknown }) {
    super(`Outbox event ${eventId} has an invalid payload: ${problem}`, options);
    this.name = 'InvalidOutboxPayloadError';
  }
}

/** No handler is registered for the event's type in this dispatcher. */
export class UnknownEventTypeError extends PermanentDeliveryError {
  constructor(eventId: string, eventType: string) {
    super(`Outbox event ${eventId} has type ${eventType}, which no handler delivers`);
    this.name = 'UnknownEventTypeError';
  }
}

/** The hub row an event describes is gone, so the delivery's result cannot be recorded. */
export class MissingAggregateError extends PermanentDeliveryError {
  constructor(eventId: string, aggregate: string) {
    super(`Outbox event ${eventId} was delivered, but ${aggregate} does not exist in the hub`);
    this.name = 'MissingAggregateError';
  }
}
