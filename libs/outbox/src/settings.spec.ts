import { ConfigError } from '@hub/runtime';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOX_SETTINGS, resolveOutboxSettings } from './settings';
import { outboxSettingsFromEnv } from './settings-from-env';

describe('outbox settings', () => {
  it('defaults to settings that fit together: a full batch of timed-out deliveries ends before its lease', () => {
    expect(resolveOutboxSettings()).toEqual(DEFAULT_OUTBOX_SETTINGS);
    const { batchSize, concurrency, deliveryTimeoutMs, leaseMs } = DEFAULT_OUTBOX_SETTINGS;
    expect(Math.ceil(batchSize / concurrency) * deliveryTimeoutMs).toBeLessThan(leaseMs);
  });

  it('reads OUTBOX_* variables, blank meaning the default', () => {
    const settings = outboxSettingsFromEnv({ OUTBOX_BATCH_SIZE: '50', OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_BACKOFF_BASE_MS: '200', OUTBOX_LEASE_MS: ' ' });
    expect(settings).toMatchObject({ batchSize: 50, maxAttempts: 3, backoff: { baseMs: 200 }, leaseMs: DEFAULT_OUTBOX_SETTINGS.leaseMs });
  });

  it('names the variable to fix: not a positive number, or a lease too short for the batch it covers', () => {
    const problem = (env: NodeJS.ProcessEnv) => {
      try {
        outboxSettingsFromEnv(env);
      } catch (error) {
        return error;
      }
      throw new Error('expected a ConfigError');
    };
    expect(problem({ OUTBOX_MAX_ATTEMPTS: '0' })).toMatchObject({ variable: 'OUTBOX_MAX_ATTEMPTS' });
    expect(problem({ OUTBOX_BATCH_SIZE: 'many' })).toBeInstanceOf(ConfigError);
    expect(problem({ OUTBOX_LEASE_MS: '1000', OUTBOX_DELIVERY_TIMEOUT_MS: '1000' })).toMatchObject({
      variable: 'OUTBOX_LEASE_MS',
      message: expect.stringMatching(/^OUTBOX_LEASE_MS \(1000\) must exceed/),
    });
    expect(problem({ OUTBOX_BACKOFF_BASE_MS: '5000', OUTBOX_BACKOFF_MAX_MS: '1000' })).toMatchObject({ variable: 'OUTBOX_BACKOFF_MAX_MS' });
  });
});
