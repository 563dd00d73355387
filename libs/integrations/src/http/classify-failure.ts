import { EXTERNAL_ERROR_CODES, ExternalSystemError, type ExternalSystem } from '../errors';
import { retryAfterForAnswer } from './retry-after';

/** Who was called, for error messages: system, method and path, never the host's credentials. */
export interface CallDescription {
  system: ExternalSystem;
  method: string;
  path: string;
}

const describe = (call: CallDescription): string => `${call.system} ${call.method} ${call.path}`;

/**
 * A thrown fetch (or body read) failure: the caller cancelling (`callerSignal` aborted), our
 * timeout firing, or the network giving up.
 */
export function errorFromFetchFailure(call: CallDescription, error: unknown, timeoutMs: number, callerSignal?: AbortSignal): ExternalSystemError {
  if (callerSignal?.aborted) {
    const reason = callerSignal.reason instanceof Error ? callerSignal.reason.message : String(callerSignal.reason);
    return new ExternalSystemError(`${describe(call)} was cancelled by the caller before an answer came: ${reason}`, {
      system: call.system,
      code: EXTERNAL_ERROR_CODES.cancelled,
      retryable: true,
      cause: error,
    });
  }
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  if (timedOut) {
    return new ExternalSystemError(`${describe(call)} did not answer within ${timeoutMs} ms`, {
      system: call.system,
      code: EXTERNAL_ERROR_CODES.timeout,
      retryable: true,
      cause: error,
    });
  }
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new ExternalSystemError(`${describe(call)} failed on the network: ${reason}`, {
    system: call.system,
    code: EXTERNAL_ERROR_CODES.network,
    retryable: true,
    cause: error,
  });
}

/** Code and retryability of a non-2xx answer: 429 and 5xx can pass; other 4xx will not. */
function classifyStatus(status: number): { code: string; retryable: boolean } {
  if (status === 401) return { code: EXTERNAL_ERROR_CODES.unauthorized, retryable: false };
  if (status === 409) return { code: EXTERNAL_ERROR_CODES.conflict, retryable: false };
  if (status === 429) return { code: EXTERNAL_ERROR_CODES.tooManyRequests, retryable: true };
  if (status >= 500) return { code: EXTERNAL_ERROR_CODES.serverError, retryable: true };
  return { code: `http_${status}`, retryable: false };
}

/**
 * A non-2xx answer. `remoteMessage` is what the other side said (already stripped of
 * secrets by the caller); `Retry-After` (or МойСклад's `X-Lognex-Retry-After`) is honoured
 * for every status that carries it.
 */
export function errorFromStatus(call: CallDescription, response: Response, remoteMessage: string | undefined): ExternalSystemError {
  const { code, retryable } = classifyStatus(response.status);
  const said = remoteMessage ? `: ${remoteMessage}` : '';
  return new ExternalSystemError(`${describe(call)} answered HTTP ${response.status}${said}`, {
    system: call.system,
    status: response.status,
    code,
    retryable,
    retryAfterMs: retryAfterForAnswer(response),
  });
}

/** A 2xx answer we cannot use: not JSON, or not the shape the contract promises. */
export function badResponseError(call: CallDescription, status: number, problem: string, cause?: unknown): ExternalSystemError {
  return new ExternalSystemError(`${describe(call)} answered a malformed body (HTTP ${status}): ${problem}`, {
    system: call.system,
    status,
    code: EXTERNAL_ERROR_CODES.badResponse,
    retryable: false,
    cause,
  });
}
