/*
 * Failed sign-ins are counted per username and per client address over a sliding window;
 * past the limit, further attempts are refused without checking the password until the
 * oldest failure leaves the window. Kept in memory: one admin process, and a restart only
 * forgets failures (it never locks anyone out).
 */

export interface ThrottleLimits {
  /** Failures of one username within the window before it is refused. */
  perUser: number;
  /** Failures from one address (any usernames) within the window before it is refused. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { perUser: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/** So that a flood of made-up usernames cannot grow the map without end. */
const MAX_TRACKED_KEYS = 10_000;

export type ThrottleVerdict = { kind: 'allowed' } | { kind: 'throttled'; retryAfterSeconds: number };

export interface SignInThrottle {
  check(username: string, address: string): ThrottleVerdict;
  recordFailure(username: string, address: string): void;
  /** A successful sign-in forgets the username's failures (not the address's). */
  recordSuccess(username: string): void;
}

export function createSignInThrottle(limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS, now: () => number = Date.now): SignInThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  const verdict = (key: string, limit: number): ThrottleVerdict => {
    const times = recent(key);
    if (times.length < limit) return { kind: 'allowed' };
    const oldest = times[times.length - limit] ?? now();
    return { kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil((oldest + limits.windowMs - now()) / 1000)) };
  };
  const userKey = (username: string) => `user:${username.toLowerCase()}`;
  const addressKey = (address: string) => `address:${address}`;
  return {
    check(username, address) {
      const byUser = verdict(userKey(username), limits.perUser);
      const byAddress = verdict(addressKey(address), limits.perAddress);
      if (byUser.kind === 'allowed') return byAddress;
      if (byAddress.kind === 'allowed') return byUser;
      return { kind: 'throttled', retryAfterSeconds: Math.max(byUser.retryAfterSeconds, byAddress.retryAfterSeconds) };
    },
    recordFailure(username, address) {
      for (const key of [userKey(username), addressKey(address)]) {
        if (!failures.has(key) && failures.size >= MAX_TRACKED_KEYS) {
          const first = failures.keys().next();
          if (!first.done) failures.delete(first.value);
        }
        failures.set(key, [...recent(key), now()]);
      }
    },
    recordSuccess(username) {
      failures.delete(userKey(username));
    },
  };
}
