import { describe, expect, it } from 'vitest';
import { decideGrant } from './decide-grant';

const limits = { windowMs: 3_000, unitsPerWindow: 45, parallel: 5 };
/** 45 one-unit requests answered 10 ms apart from t = 1,000 ms (the last at 1,440 ms). */
const fullWindow = Array.from({ length: 45 }, (_, i) => ({ reachedByMs: 1_000 + 10 * i, units: 1, inFlight: false }));

describe('decideGrant', () => {
  it('lets the next request go the moment the oldest answered one is a window old: the whole documented rate, no margin', () => {
    expect(decideGrant({ nowMs: 3_999, blockedMs: 0, units: 1, usage: fullWindow, limits })).toEqual({ grant: false, waitMs: 1, reason: 'window' });
    expect(decideGrant({ nowMs: 4_000, blockedMs: 0, units: 1, usage: fullWindow, limits })).toEqual({ grant: true });
    // A request costing 5 units waits for the fifth oldest answer to leave.
    expect(decideGrant({ nowMs: 4_000, blockedMs: 0, units: 5, usage: fullWindow, limits })).toEqual({ grant: false, waitMs: 40, reason: 'window' });
  });

  it('keeps a request still in flight in the window until a window after its answer, which has not come yet', () => {
    const usage = [{ reachedByMs: 61_000, units: 45, inFlight: true }];
    // Long after its grant: it may still arrive now, so a whole window from now is the earliest the budget frees.
    expect(decideGrant({ nowMs: 30_000, blockedMs: 0, units: 1, usage, limits: { ...limits, parallel: 10 } })).toEqual({
      grant: false,
      waitMs: 3_000,
      reason: 'window',
    });
  });

  it('counts on answered requests leaving before the ones in flight when working out the wait', () => {
    const usage = [{ reachedByMs: 9_000, units: 1, inFlight: true }, ...fullWindow.slice(1)];
    expect(decideGrant({ nowMs: 4_000, blockedMs: 0, units: 1, usage, limits })).toEqual({ grant: false, waitMs: 10, reason: 'window' });
  });
});
