import type { MiddlewareHandler } from 'hono';
import { MOYSKLAD_API_PREFIX, MOYSKLAD_ERROR_CODES, MOYSKLAD_RATE_HEADERS } from '@hub/integrations';
import type { MoySkladState } from './moysklad-state';
import { msError } from './ms-http';
import { documentedRequestWeight } from './request-weights';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * md/_general.md «Сжатие содержимого ответов»: a request that does not accept gzip is not
 * handled; the answer is 415 without a body.
 */
export function requireGzip(): MiddlewareHandler {
  return async function requireGzipAcceptance(c, next) {
    const accepted = (c.req.header('accept-encoding') ?? '').split(',').map((part) => part.trim().split(';')[0]?.toLowerCase());
    if (!accepted.includes('gzip')) return c.body(null, 415);
    return next();
  };
}

/** What error 1062 allows (md/_errors.md line 63); curl's default (any type), which every example of the documentation sends, or none, is taken as it. */
const ACCEPTED = /^\s*(application\/json\s*;\s*charset\s*=\s*utf-8|\*\/\*)\s*$/i;

/** md/_errors.md line 63, error 1062: `Accept` may only be application/json;charset=utf-8. */
export function requireJsonAccept(): MiddlewareHandler {
  return async function requireAccept(c, next) {
    const accept = c.req.header('accept');
    if (accept !== undefined && !ACCEPTED.test(accept)) {
      return msError(
        c,
        400,
        MOYSKLAD_ERROR_CODES.wrongAccept,
        "Неверное значение заголовка 'Accept'. Поддерживается только значение 'application/json;charset=utf-8'",
      );
    }
    return next();
  };
}

/** md/_general.md «Аутентификация»: `Authorization: Bearer <token>`; anything else is 401. */
export function requireBearerToken(state: MoySkladState): MiddlewareHandler<{ Variables: { msToken: string } }> {
  return async function requireToken(c, next) {
    const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token || !state.tokens.includes(token)) {
      return msError(c, 401, MOYSKLAD_ERROR_CODES.unauthorized, 'Ошибка аутентификации: неверный токен или он не указан');
    }
    c.set('msToken', token);
    return next();
  };
}

/**
 * md/_restrictions.md and md/_general.md: the window budget (429, error 1049, with
 * X-Lognex-Retry-After) and parallel requests (429, error 1073, no rate headers). Every
 * admitted answer carries X-RateLimit-Limit/-Remaining, X-Lognex-Retry-TimeInterval and X-Lognex-Reset.
 */
export function enforceLimits(state: MoySkladState): MiddlewareHandler<{ Variables: { msToken: string } }> {
  return async function enforceRequestLimits(c, next) {
    const { tokenWeight, unitsPerWindow, windowMs } = state.limitSettings;
    const units = documentedRequestWeight(c.req.method, c.req.path.slice(MOYSKLAD_API_PREFIX.length), tokenWeight);
    const admission = state.limits.admit(c.get('msToken'), units);
    const perWindow = String(Math.floor(unitsPerWindow / tokenWeight));
    if (!admission.admitted) {
      if (admission.reason === 'parallel') {
        return msError(c, 429, MOYSKLAD_ERROR_CODES.tooManyParallel, 'Превышено ограничение на одновременное количество запросов');
      }
      return msError(c, 429, MOYSKLAD_ERROR_CODES.rateLimited, 'Превышено ограничение на количество запросов в единицу времени', {
        [MOYSKLAD_RATE_HEADERS.limit]: perWindow,
        [MOYSKLAD_RATE_HEADERS.remaining]: '0',
        [MOYSKLAD_RATE_HEADERS.interval]: String(windowMs),
        [MOYSKLAD_RATE_HEADERS.reset]: String(admission.retryAfterMs),
        [MOYSKLAD_RATE_HEADERS.retryAfter]: String(admission.retryAfterMs),
      });
    }
    try {
      await next();
    } finally {
      admission.release();
    }
    c.header(MOYSKLAD_RATE_HEADERS.limit, perWindow);
    c.header(MOYSKLAD_RATE_HEADERS.remaining, String(Math.floor(admission.remainingUnits / tokenWeight)));
    c.header(MOYSKLAD_RATE_HEADERS.interval, String(windowMs));
    c.header(MOYSKLAD_RATE_HEADERS.reset, String(admission.resetMs));
  };
}
