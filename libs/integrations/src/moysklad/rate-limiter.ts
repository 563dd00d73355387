import type { RequestGate } from '../http/request-json';
import { retryAfterFromHeaders } from '../http/retry-after';

/**
 * The hook through which the МойСклад client keeps to МойСклад's request limits
 * (md/_restrictions.md): a budget of units per 3-second window, each request costing its
 * weight, and a cap on parallel requests. The outbox provides a PostgreSQL-backed
 * implementation shared by every scheduler replica; without one, the client sends at once.
 */

/** What became of a request, so a shared limiter can stop everyone when МойСклад said "too many". */
export interface MsRequestOutcome {
  /** HTTP status, when МойСклад answered at all. */
  status: number | undefined;
  /** The wait МойСклад asked for (X-Lognex-Retry-After), when it did. */
  retryAfterMs: number | undefined;
}

/** Permission to send one request; give it back once the answer has been read (or the call failed). */
export interface MsRatePermit {
  release(outcome: MsRequestOutcome): Promise<void>;
}

export interface MoySkladRateLimiter {
  /** Resolves once a request costing `weight` units fits the window budget and a parallel slot is free. */
  acquire(weight: number): Promise<MsRatePermit>;
}

/**
 * md/_restrictions.md: a 3-second window with a budget of 45 units. The stock reports cost 5
 * units whatever the authentication; every other request costs the token's weight: 1 for a
 * solution's token; for a user's token 2 from 2026-05-12, 3 from 2026-09-01, 4 from 2026-12-01.
 */
export const MOYSKLAD_DOCUMENTED_LIMITS = {
  windowMs: 3_000,
  unitsPerWindow: 45,
  stockReportWeight: 5,
  parallelPerUser: 5,
  parallelPerAccount: 20,
} as const;

/** Units one request to `path` (below the API prefix) costs, for a token whose requests weigh `tokenWeight`. */
export function moySkladRequestWeight(path: string, tokenWeight: number): number {
  return path.startsWith('/report/stock/all') || path.startsWith('/report/stock/bystore')
    ? MOYSKLAD_DOCUMENTED_LIMITS.stockReportWeight
    : tokenWeight;
}

/** Wraps each exchange: a permit first, given back with the outcome once the answer is read. */
export function rateLimitGate(limiter: MoySkladRateLimiter, tokenWeight: number): RequestGate {
  return async function sendWithinLimits(call, send) {
    const permit = await limiter.acquire(moySkladRequestWeight(call.path, tokenWeight));
    let exchange;
    try {
      exchange = await send();
    } catch (error) {
      await permit.release({ status: undefined, retryAfterMs: undefined });
      throw error;
    }
    const { response } = exchange;
    await permit.release({ status: response.status, retryAfterMs: retryAfterFromHeaders(response.headers) });
    return exchange;
  };
}
