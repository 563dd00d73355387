import { redactText } from '@hub/runtime';
import type { z } from 'zod';
import { EXTERNAL_ERROR_CODES } from '../errors';
import { ODATA_ERROR_CODES, ODataError, odataErrorFromAnswer, odataFetchFailure } from './odata-error';

/** Where the standard OData interface is published and how to log in. */
export interface ODataTransportOptions {
  /** e.g. `https://erp.example.ru/ut11/odata/standard.odata` (the guide, lines 60–80). */
  serviceUrl: string;
  username: string;
  password: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** Query options, written as 1С reads them; values are percent-encoded by {@link encodeQuery}. */
export type ODataQuery = Record<string, string | number | undefined>;

export interface ODataRequest<T> {
  method: 'GET' | 'POST';
  /** Resource below the service URL, unencoded: `Catalog_Склады`, `Document_X(guid'…')/Post`. */
  resource: string;
  query?: ODataQuery;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal | undefined;
}

// Kept literal in a resource path: 1С's own syntax (`(guid'…')`, `Balance(Period=…,Dimensions='…')`, `/Post`).
const PATH_LITERALS = /[A-Za-z0-9\-._~'()=,:/*$]/;

/**
 * Percent-encodes every other character as UTF-8 — Cyrillic names and spaces (`%20`). A space
 * must never become `+`: 1С reads `+` literally and answers 500 (the issue's pitfall list; the
 * WHATWG URLSearchParams would write `+`, so it is not used).
 */
export function encodeODataPath(resource: string): string {
  return Array.from(resource, (char) => (PATH_LITERALS.test(char) ? char : encodeURIComponent(char))).join('');
}

/** `?$format=json&$filter=…`: keys as given (the `$` stays), values through encodeURIComponent (space → `%20`). */
export function encodeQuery(query: ODataQuery): string {
  const pairs = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return pairs.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
}

/**
 * Reads a body as UTF-8 whatever charset the headers declare: 1С publications behind IIS or
 * Apache are seen declaring `windows-1251` while sending UTF-8. A body that is not valid UTF-8 is
 * read as windows-1251, which is what the declaration would then have meant.
 */
export function decodeBody(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

const looksLikeHtml = (contentType: string, text: string): boolean => contentType.includes('text/html') || /^\s*(<!doctype html|<html)/i.test(text);

function parseJson(text: string): unknown {
  // `…/Post` answers with an empty body.
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The error an answer means, if it is one: an HTML page with whatever status (a login or error page
 * is the web server speaking, not 1С's data), or a non-2xx status with 1С's odata.error.
 */
export function failureOfAnswer(call: string, response: Response, text: string, scrub: (text: string) => string): ODataError | undefined {
  if (looksLikeHtml(response.headers.get('content-type') ?? '', text)) {
    return new ODataError(
      `1c ${call} answered an HTML page (HTTP ${response.status}) instead of data: the web server did not let the request through to 1С — check ONEC_USERNAME, ONEC_PASSWORD and the publication's address`,
      { system: '1c', status: response.status, code: ODATA_ERROR_CODES.htmlPage, retryable: false },
    );
  }
  return response.ok ? undefined : odataErrorFromAnswer(call, response, parseJson(text), scrub);
}

/** Basic credentials over the UTF-8 bytes of the login. */
export const basicCredentials = (username: string, password: string) => Buffer.from(`${username}:${password}`, 'utf8').toString('base64');

/** Builds the one request function the OData connector is made of. Every failure is an {@link ODataError}. */
export function createODataTransport(options: ODataTransportOptions) {
  const serviceUrl = options.serviceUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  // Basic auth over the UTF-8 bytes of the login: a Cyrillic login in cp1251 is refused (IIS 401.5),
  // live notes Romandredan/odata1c-gate docs/probes/P4-real-metadata.md, «Запросы» table.
  const credentials = basicCredentials(options.username, options.password);
  const scrub = (text: string) => redactText(text, [options.password, credentials]);

  return async function odata<T>(request: ODataRequest<T>): Promise<T> {
    const call = `${request.method} ${request.resource}`;
    // $format=json on every call: without it 1С answers Atom XML (P4, «Запросы»; the guide, line 91).
    const query = encodeQuery({ $format: 'json', ...request.query });
    const url = `${serviceUrl}/${encodeODataPath(request.resource)}?${query}`;
    // Never `1C_OData-DataLoadMode`: it would write as an exchange load and skip 1С's own checks (the guide, line 1639).
    const headers: Record<string, string> = { authorization: `Basic ${credentials}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json;charset=utf-8';
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal ? AbortSignal.any([timeout, request.signal]) : timeout,
      });
      text = decodeBody(await response.arrayBuffer());
    } catch (error) {
      throw odataFetchFailure(request.method, request.resource, error, options.timeoutMs, request.signal);
    }
    const failure = failureOfAnswer(call, response, text, scrub);
    if (failure) throw failure;
    const json = parseJson(text);
    if (json === undefined) {
      throw new ODataError(`1c ${call} answered a body that is not JSON (HTTP ${response.status})`, {
        system: '1c',
        status: response.status,
        code: EXTERNAL_ERROR_CODES.badResponse,
        retryable: false,
      });
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ODataError(`1c ${call} answered a malformed body: ${issue?.path.join('.') || '(root)'}: ${scrub(issue?.message ?? 'invalid')}`, {
        system: '1c',
        status: response.status,
        code: EXTERNAL_ERROR_CODES.badResponse,
        retryable: false,
        cause: parsed.error,
      });
    }
    return parsed.data;
  };
}

export type ODataTransport = ReturnType<typeof createODataTransport>;
