/**
 * What the made-up carrier's client throws in the outbox's specs. Like the hub's real HTTP
 * clients' errors it says whether a retry can help and how long the other side asked to
 * wait; the outbox reads both from the thrown object (describeDeliveryFailure), not its class.
 */
export class CarrierError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, hints: { retryable: boolean; retryAfterMs?: number | undefined }) {
    super(message);
    this.name = 'CarrierError';
    this.retryable = hints.retryable;
    this.retryAfterMs = hints.retryAfterMs;
  }
}

/** The carrier is down for now: worth retrying, after `retryAfterMs` when it said so. */
export function carrierUnavailable(detail = 'HTTP 503', retryAfterMs?: number): CarrierError {
  return new CarrierError(`the carrier answered ${detail}`, { retryable: true, retryAfterMs });
}
