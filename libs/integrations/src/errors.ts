/** The outside systems the hub talks to; named in every error so a log line says whose fault it was. */
export type ExternalSystem = '1c' | 'moysklad';

/**
 * The codes an {@link ExternalSystemError} carries. Besides these, any other HTTP 4xx
 * answer gets `http_<status>` (e.g. `http_404`, `http_422`).
 */
export const EXTERNAL_ERROR_CODES = {
  timeout: 'timeout',
  network: 'network',
  unauthorized: 'http_401',
  tooManyRequests: 'http_429',
  serverError: 'http_5xx',
  badResponse: 'bad_response',
  conflict: 'conflict',
  invalidRequest: 'invalid_request',
  /** Not sent: the hub's own limiter (shared by its replicas) would have had to wait too long. */
  rateLimited: 'rate_limited',
  /** The caller gave up (its AbortSignal fired) before an answer came; the other side may still act on it. */
  cancelled: 'cancelled',
} as const;

/** What the caller knows about a failed call to an external system. */
export interface ExternalSystemErrorDetails {
  system: ExternalSystem;
  code: string;
  retryable: boolean;
  status?: number | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/**
 * A call to 1С or МойСклад failed. `retryable` tells the outbox whether trying again
 * can help (timeouts, network errors, 429, 5xx) or not (other 4xx, a malformed answer);
 * `retryAfterMs` carries the other side's `Retry-After` when it sent one.
 * The message never contains credentials.
 */
export class ExternalSystemError extends Error {
  readonly system: ExternalSystem;
  /** HTTP status when the other side answered at all. */
  readonly status: number | undefined;
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ExternalSystemErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ExternalSystemError';
    this.system = details.system;
    this.status = details.status;
    this.code = details.code;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}
