import { redactText } from '@hub/runtime';
import type { z } from 'zod';
import type { ExternalSystem } from '../errors';
import { badResponseError, errorFromFetchFailure, errorFromStatus, type CallDescription } from './classify-failure';

/** How to reach one external system; shared by every call a client makes. */
export interface JsonHttpOptions {
  system: ExternalSystem;
  /** Scheme, host and path prefix, e.g. `http://127.0.0.1:8100/hs/integrationapi/v1`. */
  baseUrl: string;
  /** Sent with every request (e.g. Authorization). */
  headers: Record<string, string>;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Values that must never appear in an error message, even when the other side echoes them. */
  secrets: readonly string[];
  /** Pulls a human message out of the system's error body, when it has one. */
  readErrorMessage: (body: unknown) => string | undefined;
  /**
   * Runs around each whole exchange (headers and body), e.g. to wait for a rate-limit permit
   * first and give it back once the answer is read. The timeout starts inside it, so waiting
   * for a permit never eats into the time the other side has to answer; the caller's signal
   * bounds the wait instead.
   */
  gate?: RequestGate;
}

/** One exchange as a gate sees it: the answer and its body, already read. */
export interface HttpExchange {
  response: Response;
  text: string;
}

/**
 * See {@link JsonHttpOptions.gate}. `signal` is the caller's cancellation: a gate that waits
 * must stop waiting once it aborts, or a call its caller gave up on would still queue for (and
 * spend) a permit that calls still wanted need.
 */
export type RequestGate = (call: CallDescription, send: () => Promise<HttpExchange>, signal: AbortSignal | undefined) => Promise<HttpExchange>;

/** One call: the schema checks the answer before anyone uses it. */
export interface JsonRequest<T> {
  method: 'GET' | 'POST';
  /** Path (and query) below the base URL, starting with `/`. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  schema: z.ZodType<T>;
  /** The caller's cancellation (e.g. the outbox's delivery timeout), on top of the client's own timeout. */
  signal?: AbortSignal | undefined;
}

/** A validated answer with the status it came with (200 vs 201 can mean different things). */
export interface JsonResponse<T> {
  status: number;
  data: T;
}

/** First few schema issues as `path: message`, enough to find the wrong field in a log line. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > shown.length ? `; and ${error.issues.length - shown.length} more` : '';
  return shown.join('; ') + more;
}

/** How much of an error body that is not the system's error format an error message quotes. */
const EXCERPT_LENGTH = 300;

/**
 * The gist of an error body in another format (a proxy's HTML page, plain text, JSON of
 * another shape): tags dropped, whitespace collapsed, cut to EXCERPT_LENGTH characters.
 * Undefined for an empty body.
 */
function excerptOf(text: string): string | undefined {
  const plain = text
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '') return undefined;
  const characters = Array.from(plain);
  return characters.length <= EXCERPT_LENGTH ? plain : `${characters.slice(0, EXCERPT_LENGTH).join('')}…`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Builds the request function a client is made of: JSON in and out, a timeout on the
 * whole exchange (headers and body), every failure an ExternalSystemError.
 */
export function createJsonHttp(options: JsonHttpOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // The one redaction policy, plus this client's own credentials wherever the other side echoes them.
  const scrub = (text: string): string => redactText(text, options.secrets);

  return async function requestJson<T>(request: JsonRequest<T>): Promise<JsonResponse<T>> {
    const call: CallDescription = { system: options.system, method: request.method, path: request.path };
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers, ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';

    const send = async (): Promise<HttpExchange> => {
      try {
        const response = await options.fetch(baseUrl + request.path, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: request.signal ? AbortSignal.any([AbortSignal.timeout(options.timeoutMs), request.signal]) : AbortSignal.timeout(options.timeoutMs),
        });
        // The same signal bounds the body: a server that sends headers and then stalls still times out.
        return { response, text: await response.text() };
      } catch (error) {
        throw errorFromFetchFailure(call, error, options.timeoutMs, request.signal);
      }
    };
    const { response, text } = await (options.gate ? options.gate(call, send, request.signal) : send());

    const json = parseJson(text);
    if (!response.ok) {
      const remote = (json.ok ? options.readErrorMessage(json.value) : undefined) ?? excerptOf(text);
      throw errorFromStatus(call, response, remote === undefined ? undefined : scrub(remote));
    }
    if (!json.ok) throw badResponseError(call, response.status, 'the body is not JSON', json.error);
    const parsed = request.schema.safeParse(json.value);
    if (!parsed.success) throw badResponseError(call, response.status, scrub(describeIssues(parsed.error)), parsed.error);
    return { status: response.status, data: parsed.data };
  };
}
