import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { API_ERROR_CODES } from '@hub/api-contract';
import { ApiError } from '../api-error';

const BEARER = /^Bearer\s+(.+)$/i;
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Requires `Authorization: Bearer <token>`. Digests are compared in constant time, so
 * neither the token's content nor its length leaks through response timing.
 */
export function requireBearerToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async function requireBearerToken(c, next) {
    const offered = BEARER.exec(c.req.header('Authorization') ?? '')?.[1]?.trim();
    if (offered === undefined || !timingSafeEqual(digest(offered), expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(401, API_ERROR_CODES.unauthorized, 'This endpoint needs Authorization: Bearer <API_TOKEN>.');
    }
    await next();
  };
}
