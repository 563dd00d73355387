import { MOYSKLAD_DOCUMENTED_LIMITS } from '@hub/integrations';

/** The limits the sandbox enforces; the documented ones (md/_restrictions.md) unless told otherwise. */
export interface MsSandboxLimits {
  windowMs: number;
  unitsPerWindow: number;
  /** Units an ordinary request costs with the sandbox's tokens (stock reports always cost 5). */
  tokenWeight: number;
  parallelPerToken: number;
  parallelPerAccount: number;
}

export const MS_SANDBOX_DEFAULT_LIMITS: MsSandboxLimits = {
  windowMs: MOYSKLAD_DOCUMENTED_LIMITS.windowMs,
  unitsPerWindow: MOYSKLAD_DOCUMENTED_LIMITS.unitsPerWindow,
  tokenWeight: 4,
  parallelPerToken: MOYSKLAD_DOCUMENTED_LIMITS.parallelPerUser,
  parallelPerAccount: MOYSKLAD_DOCUMENTED_LIMITS.parallelPerAccount,
};

/** What the window looks like for a token right now, for the X-RateLimit-* headers. */
export interface WindowState {
  remainingUnits: number;
  /** Until the oldest counted request leaves the window; 0 when none is counted. */
  resetMs: number;
}

export type Admission =
  | ({ admitted: true; release: () => void } & WindowState)
  | { admitted: false; reason: 'window'; retryAfterMs: number }
  | { admitted: false; reason: 'parallel' };

interface Spent {
  at: number;
  units: number;
}

/**
 * МойСклад's limits per token, as the documentation states them: no more than the budget of
 * units within any window-long interval (a sliding window), and no more parallel requests
 * than allowed per token and per account. A refused request costs nothing.
 */
export class RequestLimits {
  readonly counts = { admitted: 0, refusedWindow: 0, refusedParallel: 0 };
  private readonly spent = new Map<string, Spent[]>();
  private readonly inFlight = new Map<string, number>();
  private accountInFlight = 0;

  constructor(readonly limits: MsSandboxLimits) {}

  admit(token: string, units: number, now: number = Date.now()): Admission {
    const spent = this.recent(token, now);
    const running = this.inFlight.get(token) ?? 0;
    if (running >= this.limits.parallelPerToken || this.accountInFlight >= this.limits.parallelPerAccount) {
      this.counts.refusedParallel += 1;
      return { admitted: false, reason: 'parallel' };
    }
    const used = spent.reduce((sum, s) => sum + s.units, 0);
    if (used + units > this.limits.unitsPerWindow) {
      this.counts.refusedWindow += 1;
      return { admitted: false, reason: 'window', retryAfterMs: this.waitFor(spent, used + units - this.limits.unitsPerWindow, now) };
    }
    spent.push({ at: now, units });
    this.inFlight.set(token, running + 1);
    this.accountInFlight += 1;
    this.counts.admitted += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.inFlight.set(token, (this.inFlight.get(token) ?? 1) - 1);
      this.accountInFlight -= 1;
    };
    return { admitted: true, release, remainingUnits: this.limits.unitsPerWindow - used - units, resetMs: this.resetMs(spent, now) };
  }

  private recent(token: string, now: number): Spent[] {
    const kept = (this.spent.get(token) ?? []).filter((s) => now - s.at < this.limits.windowMs);
    this.spent.set(token, kept);
    return kept;
  }

  /** How long until `excess` units have left the window (oldest first). */
  private waitFor(spent: Spent[], excess: number, now: number): number {
    let freed = 0;
    for (const s of spent) {
      freed += s.units;
      if (freed >= excess) return Math.max(1, s.at + this.limits.windowMs - now);
    }
    return this.limits.windowMs;
  }

  private resetMs(spent: Spent[], now: number): number {
    const oldest = spent[0];
    return oldest ? Math.max(0, oldest.at + this.limits.windowMs - now) : 0;
  }
}
