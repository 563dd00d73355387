import type { RequestGate } from '../http/request-json';
import { retryAfterForAnswer } from '../http/retry-after';

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
  /**
   * Resolves once a request costing `weight` units fits the window budget and a parallel slot is
   * free. Once `signal` aborts, stops waiting and rejects with its reason: a request whose
   * caller gave up must not take the permits the requests still wanted need.
   */
  acquire(weight: number, signal?: AbortSignal): Promise<MsRatePermit>;
}

/**
 * md/_restrictions.md lines 23–45: a 3-second window with a budget of 45 units. The stock reports
 * cost 5 units whatever the authentication (lines 32–36); every other request costs the token's
 * weight: 1 for a published (public or private) solution's token (line 40); 4 for a solution
 * still a draft or in moderation, from 2026-04-13 (line 41); for a user's token (or login and
 * password) 2 from 2026-05-12, 3 from 2026-09-01, 4 from 2026-12-01 (lines 42–45).
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
  return path.startsWith('/report/stock/all') || path.startsWith('/report/stock/bystore') ? MOYSKLAD_DOCUMENTED_LIMITS.stockReportWeight : tokenWeight;
}

/**
 * The token weight МойСклад applies, read from an answer's `X-RateLimit-Limit`: the requests that
 * fit the window, `⌊unitsPerWindow ÷ weight⌋` (md/_general.md line 207, md/_restrictions.md line
 * 41: weight 4 → 11). Undefined when the header is absent or unreadable.
 */
export function weightFromRateLimit(header: string | null, unitsPerWindow: number): number | undefined {
  const limit = header === null ? NaN : Number(header);
  if (!Number.isInteger(limit) || limit <= 0) return undefined;
  // The smallest weight w with ⌊units ÷ w⌋ = limit.
  return Math.max(1, Math.ceil(unitsPerWindow / (limit + 1)));
}

/** Settles when `promise` does, whichever way; rejects with the signal's reason as soon as it aborts. */
function settledUnlessAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  if (!signal) return settled;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const giveUp = () => reject(signal.reason);
    signal.addEventListener('abort', giveUp, { once: true });
    void settled.then(() => {
      signal.removeEventListener('abort', giveUp);
      resolve();
    });
  });
}

/**
 * Wraps each exchange: a permit first, given back with the outcome once the answer is read.
 * Until an answer has carried `X-RateLimit-Limit`, one request goes at a time, charged the
 * configured token weight; from then on the weight МойСклад states is charged, so a wrong
 * setting costs at most that one request's difference instead of exceeding the limit.
 * A call whose signal aborts stops waiting, for the calibrating request as for a permit:
 * otherwise every call an outbox delivery timeout gave up on would stay queued ahead of the
 * deliveries retried after it, and take permits only to send nothing.
 */
export function rateLimitGate(limiter: MoySkladRateLimiter, tokenWeight: number, unitsPerWindow: number): RequestGate {
  let weight = tokenWeight;
  let calibrated = false;
  /** The request still calibrating, which the others wait for. */
  let probe: Promise<unknown> | undefined;

  const exchangeWithinLimits: RequestGate = async (call, send, signal) => {
    const permit = await limiter.acquire(moySkladRequestWeight(call.path, weight), signal);
    let exchange;
    try {
      exchange = await send();
    } catch (error) {
      await permit.release({ status: undefined, retryAfterMs: undefined });
      throw error;
    }
    const { response } = exchange;
    const stated = calibrated ? undefined : weightFromRateLimit(response.headers.get('x-ratelimit-limit'), unitsPerWindow);
    if (stated !== undefined) {
      weight = stated;
      calibrated = true;
    }
    await permit.release({ status: response.status, retryAfterMs: retryAfterForAnswer(response) });
    return exchange;
  };

  return async function sendWithinLimits(call, send, signal) {
    while (!calibrated && probe) await settledUnlessAborted(probe, signal);
    if (calibrated) return exchangeWithinLimits(call, send, signal);
    const calibrating = exchangeWithinLimits(call, send, signal);
    probe = calibrating;
    try {
      return await calibrating;
    } finally {
      probe = undefined;
    }
  };
}
