import { redactText } from '@hub/runtime';

/** What the outbox needs to know about a failed delivery. */
export interface DeliveryFailure {
  /** Safe to store and show: secrets removed, length bounded. */
  message: string;
  retryable: boolean;
  retryAfterMs: number | undefined;
}

/** last_error is for people reading the admin page, not for dumping whole responses. */
const MAX_ERROR_LENGTH = 2_000;
const MAX_CAUSE_DEPTH = 5;

/** The message and its causes, "outer: caused by inner", so the root reason is visible. */
function messageChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && parts.length < MAX_CAUSE_DEPTH) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' | caused by ');
}

/** What a thrown value says of itself: the clients' errors carry `retryable` and `retryAfterMs`. */
function hintsOf(error: unknown): { retryable?: unknown; retryAfterMs?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}

/**
 * Classifies whatever a handler threw. An error that says whether a retry can help
 * (`retryable`, as the HTTP clients' errors and PermanentDeliveryError do) is taken at its
 * word, with its `retryAfterMs`; anything else (a bug, a database hiccup while recording
 * the result) is retried, since the attempt limit still bounds it.
 */
export function describeDeliveryFailure(error: unknown): DeliveryFailure {
  const message = redactText(messageChain(error)).slice(0, MAX_ERROR_LENGTH);
  const { retryable, retryAfterMs } = hintsOf(error);
  return {
    message,
    retryable: typeof retryable === 'boolean' ? retryable : true,
    retryAfterMs: typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) ? retryAfterMs : undefined,
  };
}
