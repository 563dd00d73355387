import { blankAsUnset, ConfigError, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { InvalidOutboxSettingsError } from './errors';
import { resolveOutboxSettings, type OutboxSettings } from './settings';

const positiveWholeNumber = z.preprocess(
  blankAsUnset,
  z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).optional(),
);

const outboxEnvSchema = z.object({
  OUTBOX_BATCH_SIZE: positiveWholeNumber,
  OUTBOX_CONCURRENCY: positiveWholeNumber,
  OUTBOX_LEASE_MS: positiveWholeNumber,
  OUTBOX_DELIVERY_TIMEOUT_MS: positiveWholeNumber,
  OUTBOX_MAX_ATTEMPTS: positiveWholeNumber,
  OUTBOX_BACKOFF_BASE_MS: positiveWholeNumber,
  OUTBOX_BACKOFF_MAX_MS: positiveWholeNumber,
});

/** The environment variable behind each setting, so an error found across settings names what to change. */
const ENV_NAMES: Record<string, keyof z.infer<typeof outboxEnvSchema>> = {
  batchSize: 'OUTBOX_BATCH_SIZE',
  concurrency: 'OUTBOX_CONCURRENCY',
  leaseMs: 'OUTBOX_LEASE_MS',
  deliveryTimeoutMs: 'OUTBOX_DELIVERY_TIMEOUT_MS',
  maxAttempts: 'OUTBOX_MAX_ATTEMPTS',
  'backoff.baseMs': 'OUTBOX_BACKOFF_BASE_MS',
  'backoff.maxMs': 'OUTBOX_BACKOFF_MAX_MS',
};

/**
 * Outbox settings from OUTBOX_BATCH_SIZE, OUTBOX_CONCURRENCY, OUTBOX_LEASE_MS,
 * OUTBOX_DELIVERY_TIMEOUT_MS, OUTBOX_MAX_ATTEMPTS, OUTBOX_BACKOFF_BASE_MS and
 * OUTBOX_BACKOFF_MAX_MS, each defaulting to DEFAULT_OUTBOX_SETTINGS. Throws a ConfigError
 * naming the variable: one that is not a positive whole number, or a lease too short for
 * the batch, batch size and timeout it must cover.
 */
export function outboxSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  const values = readEnvConfig(outboxEnvSchema, env);
  try {
    return resolveOutboxSettings({
      batchSize: values.OUTBOX_BATCH_SIZE,
      concurrency: values.OUTBOX_CONCURRENCY,
      leaseMs: values.OUTBOX_LEASE_MS,
      deliveryTimeoutMs: values.OUTBOX_DELIVERY_TIMEOUT_MS,
      maxAttempts: values.OUTBOX_MAX_ATTEMPTS,
      backoff: { baseMs: values.OUTBOX_BACKOFF_BASE_MS, maxMs: values.OUTBOX_BACKOFF_MAX_MS },
    });
  } catch (error) {
    if (!(error instanceof InvalidOutboxSettingsError)) throw error;
    const variable = ENV_NAMES[error.setting] ?? error.setting;
    throw new ConfigError(variable, error.problem);
  }
}
