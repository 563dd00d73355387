import { isExternalSystemError } from '@hub/integrations';
import { redactText } from '@hub/runtime';
import { PermanentDeliveryError } from './errors';

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

/**
 * Classifies whatever a handler threw. External systems say themselves whether a retry
 * can help; a PermanentDeliveryError never can; anything else (a bug, a database hiccup
 * while recording the result) is retried, since the attempt limit still bounds it.
 */
export function describeDeliveryFailure(error: unknown): DeliveryFailure {
  const message = redactText(messageChain(error)).slice(0, MAX_ERROR_LENGTH);
  if (isExternalSystemError(error)) {
    return { message, retryable: error.retryable, retryAfterMs: error.retryAfterMs };
  }
  return { message, retryable: !(error instanceof PermanentDeliveryError), retryAfterMs: undefined };
}
