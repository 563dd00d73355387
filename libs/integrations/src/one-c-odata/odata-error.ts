import { z } from 'zod';
import { EXTERNAL_ERROR_CODES, ExternalSystemError } from '../errors';
import { errorFromFetchFailure } from '../http/classify-failure';
import { retryAfterFromHeaders } from '../http/retry-after';

/**
 * 1С's error body in JSON: `{"odata.error": {"code": "9", "message": {"lang": "ru", "value": "…"}}}`.
 * The internal codes are listed in the guide's §17.4.10 (lines 1101–1200; 9 = entity not found).
 * Code -1 is not in that table: it is what the platform answers (HTTP 500) when the
 * configuration's own code refused the write or the posting — a business error.
 */
export const odataErrorBodySchema = z.object({
  'odata.error': z.object({
    code: z.union([z.string(), z.number()]).transform(String),
    message: z.union([z.object({ value: z.string() }).transform((m) => m.value), z.string()]),
  }),
});

/** Internal code of "Экземпляр сущности не найден" (the guide, §17.4.10 table). */
export const ODATA_NOT_FOUND = '9';
/** What 1С answers when the configuration refused the operation (HTTP 500). */
export const ODATA_BUSINESS_ERROR = '-1';

/** Codes an {@link ODataError} adds to {@link EXTERNAL_ERROR_CODES}. */
export const ODATA_ERROR_CODES = {
  /** 1С's own checks refused the write or posting: the same request fails the same way until someone acts in 1С. */
  businessError: 'onec_business_error',
  /** An HTML page instead of data: the web server's login or error page, i.e. the credentials or the publication. */
  htmlPage: 'onec_html_page',
} as const;

/** A failed call to 1С's OData interface; `odataCode` is 1С's internal code when it sent one. */
export class ODataError extends ExternalSystemError {
  readonly odataCode: string | undefined;

  constructor(message: string, details: ConstructorParameters<typeof ExternalSystemError>[1] & { odataCode?: string | undefined }) {
    super(message, details);
    this.name = 'ODataError';
    this.odataCode = details.odataCode;
  }

  /** 1С has no entity with that key (404, code 9). */
  get isNotFound(): boolean {
    return this.status === 404 && (this.odataCode === undefined || this.odataCode === ODATA_NOT_FOUND);
  }
}

/**
 * A non-2xx answer as a typed error. 500 with code -1 is a business refusal: not retryable,
 * since sending it again changes nothing (the outbox makes the event dead, naming 1С's words).
 */
export function odataErrorFromAnswer(call: string, response: Response, body: unknown, scrub: (text: string) => string): ODataError {
  const parsed = odataErrorBodySchema.safeParse(body);
  const odataCode = parsed.success ? parsed.data['odata.error'].code : undefined;
  const said = parsed.success ? `: ${scrub(parsed.data['odata.error'].message)} (1С code ${odataCode})` : '';
  const status = response.status;
  const base = { system: '1c' as const, status, odataCode, retryAfterMs: retryAfterFromHeaders(response.headers) };
  if (status === 500 && odataCode === ODATA_BUSINESS_ERROR) {
    return new ODataError(`1c ${call} was refused by 1С${said}`, { ...base, code: ODATA_ERROR_CODES.businessError, retryable: false });
  }
  if (status === 401 || status === 403) {
    return new ODataError(`1c ${call} answered HTTP ${status}${said}: check ONEC_USERNAME, ONEC_PASSWORD and the user's role УдаленныйДоступOData`, {
      ...base,
      code: status === 401 ? EXTERNAL_ERROR_CODES.unauthorized : `http_${status}`,
      retryable: false,
    });
  }
  const retryable = status === 429 || status >= 500;
  const code =
    status === 429 ? EXTERNAL_ERROR_CODES.tooManyRequests
    : status >= 500 ? EXTERNAL_ERROR_CODES.serverError
    : `http_${status}`;
  return new ODataError(`1c ${call} answered HTTP ${status}${said}`, { ...base, code, retryable });
}

/** A thrown fetch: the caller cancelling, the timeout firing, or the network giving up (see errorFromFetchFailure). */
export function odataFetchFailure(method: string, resource: string, error: unknown, timeoutMs: number, signal?: AbortSignal): ODataError {
  const failure = errorFromFetchFailure({ system: '1c', method, path: resource }, error, timeoutMs, signal);
  return new ODataError(failure.message, { system: '1c', code: failure.code, retryable: failure.retryable, cause: error });
}
