import type { PermitUsage } from './rate-limit-sql';

export interface GrantLimits {
  /** The window the budget holds for, as МойСклад counts it. */
  windowMs: number;
  unitsPerWindow: number;
  parallel: number;
}

/** Whether a request may go now, or how long until it might. */
export type GrantDecision = { grant: true } | { grant: false; waitMs: number; reason: 'blocked' | 'window' | 'parallel' };

/** How often a request waiting for a parallel slot looks again: slots free when answers arrive, which no clock predicts. */
export const PARALLEL_POLL_MS = 20;

/**
 * The pure rule: no more than `unitsPerWindow` units within any window-long interval (a sliding
 * window, the strictest reading of the limit "per 3-second period", md/_restrictions.md lines 11
 * and 21–38), and no more than `parallel` permits holding a slot (line 14).
 *
 * The documentation does not say at which moment МойСклад counts a request; whichever it is, it
 * lies between the request's grant and its answer. The limiter uses those bounds: not before
 * its grant (`nowMs`, for the request asked about) and not after its answer was read
 * (`reachedByMs` of earlier permits; one still in flight has not left the window yet). A permit
 * counts until a window after that bound, so an earlier request can never still be in
 * МойСклад's window when the next one arrives, however long either took on the way. An offset
 * between the database's clock and МойСклад's does not matter: a sliding window only compares
 * times on one clock. What this costs against the bare limit is each request's round trip,
 * not a fixed margin on every window.
 */
export function decideGrant(input: { nowMs: number; blockedMs: number; units: number; usage: PermitUsage[]; limits: GrantLimits }): GrantDecision {
  const { nowMs, blockedMs, units, usage, limits } = input;
  if (blockedMs > 0) return { grant: false, waitMs: Math.ceil(blockedMs), reason: 'blocked' };
  if (usage.filter((permit) => permit.inFlight).length >= limits.parallel) {
    return { grant: false, waitMs: PARALLEL_POLL_MS, reason: 'parallel' };
  }
  const inWindow = usage.filter((permit) => permit.inFlight || permit.reachedByMs > nowMs - limits.windowMs);
  const used = inWindow.reduce((sum, permit) => sum + permit.units, 0);
  const excess = used + units - limits.unitsPerWindow;
  if (excess <= 0) return { grant: true };
  const leaving = [...inWindow].sort((a, b) => reachedBy(a, nowMs) - reachedBy(b, nowMs));
  let freed = 0;
  for (const permit of leaving) {
    freed += permit.units;
    if (freed >= excess) return { grant: false, waitMs: Math.max(1, Math.ceil(reachedBy(permit, nowMs) + limits.windowMs - nowMs)), reason: 'window' };
  }
  return { grant: false, waitMs: limits.windowMs, reason: 'window' };
}

/** The bound a window must pass before the permit leaves it: its answer, or for one still in flight now at the earliest. */
function reachedBy(permit: PermitUsage, nowMs: number): number {
  return permit.inFlight ? nowMs : permit.reachedByMs;
}
