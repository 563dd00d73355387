import { describe, expect, it } from 'vitest';
import { computeRetryDelayMs, RETRY_BASE_DELAY_MS, RETRY_MAX_DELAY_MS } from './backoff';

const almostOne = () => 0.999_999;

describe('computeRetryDelayMs', () => {
  it('waits up to the base delay after the first failure and doubles the window after each', () => {
    expect(computeRetryDelayMs({ failedAttempts: 1, random: almostOne })).toBe(RETRY_BASE_DELAY_MS - 1);
    expect(computeRetryDelayMs({ failedAttempts: 2, random: almostOne })).toBe(2 * RETRY_BASE_DELAY_MS - 1);
    expect(computeRetryDelayMs({ failedAttempts: 5, random: almostOne })).toBe(16 * RETRY_BASE_DELAY_MS - 1);
  });

  it('spreads retries over the whole window (full jitter), down to no wait at all', () => {
    expect(computeRetryDelayMs({ failedAttempts: 4, random: () => 0 })).toBe(0);
    expect(computeRetryDelayMs({ failedAttempts: 4, random: () => 0.5 })).toBe(4 * RETRY_BASE_DELAY_MS);
  });

  it('never waits longer than the cap, however many failures came before', () => {
    expect(computeRetryDelayMs({ failedAttempts: 30, random: almostOne })).toBeLessThan(RETRY_MAX_DELAY_MS);
    expect(computeRetryDelayMs({ failedAttempts: 5_000, random: almostOne })).toBeLessThan(RETRY_MAX_DELAY_MS);
    expect(computeRetryDelayMs({ failedAttempts: 30, random: almostOne })).toBeGreaterThan(RETRY_MAX_DELAY_MS - 1_000);
  });

  it("honours the other side's Retry-After when it is longer than the backoff", () => {
    expect(computeRetryDelayMs({ failedAttempts: 1, retryAfterMs: 120_000, random: almostOne })).toBe(120_000);
    expect(computeRetryDelayMs({ failedAttempts: 12, retryAfterMs: 2_000, random: () => 0.5 })).toBe(RETRY_MAX_DELAY_MS / 2);
  });

  it('honours a Retry-After of at most a day, so an absurd one cannot park an event for years', () => {
    expect(computeRetryDelayMs({ failedAttempts: 1, retryAfterMs: 10 * 365 * 86_400_000, random: () => 0 })).toBe(86_400_000);
  });
});
