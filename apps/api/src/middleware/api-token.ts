import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ADMIN_TOKEN_HEADER, API_ERROR_CODES } from '@hub/api-contract';
import { ApiError } from '../api-error';

const BEARER = /^Bearer\s+(.+)$/i;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Read paths behind the token unless API_AUTH_READS=off; /health, /ready, /openapi.json and /docs never are. */
const GUARDED_READ = /^\/(api(\/|$)|metrics$)/;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** The token a request offers: `Authorization: Bearer <token>`, or the first release's `X-Admin-Token: <token>`. */
function offeredTokens(header: (name: string) => string | undefined): string[] {
  const bearer = BEARER.exec(header('Authorization') ?? '')?.[1]?.trim();
  const adminToken = header(ADMIN_TOKEN_HEADER)?.trim();
  return [bearer, adminToken].filter((token): token is string => token !== undefined && token !== '');
}

/**
 * Writes (every method but GET, HEAD and OPTIONS, on any path) need `token`; reads of /api/*
 * and /metrics need it when `reads` is set. Digests are compared in constant time, so neither
 * the token's content nor its length leaks through response timing; every offered header is
 * compared, so which one matched does not either.
 */
export function requireApiToken(token: string, { reads }: { reads: boolean }): MiddlewareHandler {
  const expected = digest(token);
  return async function requireApiToken(c, next) {
    const guarded = !READ_METHODS.has(c.req.method) || (reads && GUARDED_READ.test(c.req.path));
    if (guarded) {
      const matches = offeredTokens((name) => c.req.header(name)).map((offered) => timingSafeEqual(digest(offered), expected));
      if (!matches.includes(true)) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new ApiError(401, API_ERROR_CODES.unauthorized, `This endpoint needs Authorization: Bearer <API_TOKEN> or ${ADMIN_TOKEN_HEADER}: <API_TOKEN>.`);
      }
    }
    await next();
  };
}
