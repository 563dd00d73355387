import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MOYSKLAD_API_PREFIX, MOYSKLAD_ERROR_CODES, MOYSKLAD_RATE_HEADERS, type MsErrorBody, type MsMeta } from '@hub/integrations';

/** An answer in МойСклад's error shape (md/_general.md «Структура ошибок»). */
export function msError(c: Context, status: ContentfulStatusCode, code: number, error: string, headers: Record<string, string> = {}) {
  const body: MsErrorBody = { errors: [{ error, code }] };
  return c.json(body, status, headers);
}

/** The API root as the caller reached it, e.g. http://127.0.0.1:8100/api/remap/1.2: hrefs point back at the sandbox. */
export const apiRoot = (c: Context): string => new URL(c.req.url).origin + MOYSKLAD_API_PREFIX;

export function entityMeta(c: Context, type: string, id: string): MsMeta {
  return { href: `${apiRoot(c)}/entity/${type}/${id}`, type, mediaType: 'application/json' };
}

/** A list answer (md/_general.md «Мета коллекций»), paged by `limit` (1–1000, default 1000) and `offset`. */
export function listPage<T>(c: Context, type: string, rows: T[]) {
  const limit = Math.min(1000, Math.max(1, Number(c.req.query('limit') ?? 1000) || 1000));
  const offset = Math.max(0, Number(c.req.query('offset') ?? 0) || 0);
  const href = apiRoot(c) + c.req.path.slice(MOYSKLAD_API_PREFIX.length);
  return c.json({ meta: { href, type, mediaType: 'application/json', size: rows.length, limit, offset }, rows: rows.slice(offset, offset + limit) });
}

/** An entity id from an href that must name `type` (…/entity/<type>/<id>), or undefined. */
export function idFromHref(href: string, type: string): string | undefined {
  let path: string;
  try {
    path = new URL(href).pathname;
  } catch {
    return undefined;
  }
  const match = new RegExp(`/entity/${type}/([^/]+)$`).exec(path);
  return match?.[1];
}

/** The host the documentation's examples name; the sandbox accepts it beside its own. */
const DOCUMENTED_API_ORIGIN = 'https://api.moysklad.ru';

/** Whether an href names a host other than the sandbox's own or МойСклад's (error 1059, md/_errors.md line 60). */
export function foreignHost(c: Context, href: string): boolean {
  try {
    const origin = new URL(href).origin;
    return origin !== new URL(c.req.url).origin && origin !== DOCUMENTED_API_ORIGIN;
  } catch {
    return true;
  }
}

/**
 * An injected refusal as МойСклад answers: a 429 is error 1049 with its own rate headers
 * (md/_general.md lines 205–211: the wait in X-Lognex-Retry-After, in milliseconds; no standard
 * Retry-After), a 5xx an errors[] body without a code (line 164: then the HTTP status says it).
 */
export function moySkladFaultAnswer(c: Context, status: number, retryAfterSeconds: number | undefined): Response {
  if (status === 429) {
    const waitMs = String((retryAfterSeconds ?? 0) * 1_000);
    return msError(c, 429, MOYSKLAD_ERROR_CODES.rateLimited, 'Превышено ограничение на количество запросов в единицу времени', {
      [MOYSKLAD_RATE_HEADERS.remaining]: '0',
      [MOYSKLAD_RATE_HEADERS.reset]: waitMs,
      ...(retryAfterSeconds === undefined ? {} : { [MOYSKLAD_RATE_HEADERS.retryAfter]: waitMs }),
    });
  }
  const body: MsErrorBody = { errors: [{ error: 'При обработке запроса возникла непредвиденная ошибка' }] };
  return c.json(body, status as ContentfulStatusCode);
}
