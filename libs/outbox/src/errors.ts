/**
 * A delivery failure that trying again cannot fix (a payload the other side's contract
 * rejects, an event type nobody handles). The outbox marks such an event dead at once;
 * any error with `retryable: false` is read the same way (see describeDeliveryFailure).
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

/** The row an event describes is gone, so its delivery's result cannot be recorded. */
export class MissingAggregateError extends PermanentDeliveryError {
  constructor(eventId: string, aggregateType: string, aggregateId: string, responseRef: string) {
    super(`Outbox event ${eventId} was delivered (response ${responseRef}), but its ${aggregateType} ${aggregateId} does not exist`);
    this.name = 'MissingAggregateError';
  }
}

/**
 * A delivery did not settle within the per-delivery timeout. Retryable: the other side may
 * only have been slow; the timeout exists so that a hung call gives the event back long
 * before its lease would run out.
 */
export class DeliveryTimeoutError extends Error {
  constructor(eventId: string, timeoutMs: number) {
    super(`Delivery of outbox event ${eventId} did not finish within ${timeoutMs} ms`);
    this.name = 'DeliveryTimeoutError';
  }
}

/** Outbox settings that cannot work together; the message names the setting and the fix. */
export class InvalidOutboxSettingsError extends Error {
  constructor(
    readonly setting: string,
    readonly problem: string,
  ) {
    super(`${setting} ${problem}`);
    this.name = 'InvalidOutboxSettingsError';
  }
}
