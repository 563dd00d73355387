import type { PermitUsage } from './rate-limit-sql';

export interface GrantLimits {
  /** The window the budget holds for, safety margin included. */
  windowMs: number;
  unitsPerWindow: number;
  parallel: number;
}

/** Whether a request may go now, or how long until it might. */
export type GrantDecision = { grant: true } | { grant: false; waitMs: number; reason: 'blocked' | 'window' | 'parallel' };

/** How often a request waiting for a parallel slot looks again: slots free when answers arrive, which no clock predicts. */
export const PARALLEL_POLL_MS = 20;

/**
 * The pure rule: no more than `unitsPerWindow` units granted within any window-long interval
 * (a sliding window, the strictest reading of "N per 3 seconds", so МойСклад's own counting
 * can never see more), and no more than `parallel` permits holding a slot.
 */
export function decideGrant(input: { nowMs: number; blockedMs: number; units: number; usage: PermitUsage[]; limits: GrantLimits }): GrantDecision {
  const { nowMs, blockedMs, units, usage, limits } = input;
  if (blockedMs > 0) return { grant: false, waitMs: Math.ceil(blockedMs), reason: 'blocked' };
  if (usage.filter((permit) => permit.inFlight).length >= limits.parallel) {
    return { grant: false, waitMs: PARALLEL_POLL_MS, reason: 'parallel' };
  }
  const inWindow = usage.filter((permit) => permit.grantedMs > nowMs - limits.windowMs);
  const used = inWindow.reduce((sum, permit) => sum + permit.units, 0);
  const excess = used + units - limits.unitsPerWindow;
  if (excess <= 0) return { grant: true };
  let freed = 0;
  for (const permit of inWindow) {
    freed += permit.units;
    if (freed >= excess) return { grant: false, waitMs: Math.max(1, Math.ceil(permit.grantedMs + limits.windowMs - nowMs)), reason: 'window' };
  }
  return { grant: false, waitMs: limits.windowMs, reason: 'window' };
}
