import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { InvalidOutboxSettingsError } from './errors';

/** How one replica claims and delivers; every field has a default. */
export interface OutboxSettings {
  /** Events claimed per batch (one claim statement, one statement marking the deliveries). */
  batchSize: number;
  /** Deliveries of one batch running at once; all of a batch's events belong to different aggregates. */
  concurrency: number;
  /** How long a claim holds its events; after that another replica may take them over. */
  leaseMs: number;
  /** How long one delivery may take before it counts as failed (and is retried). */
  deliveryTimeoutMs: number;
  /** Attempts after which an event that keeps failing (or crashing its process) is dead. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  batchSize: 100,
  concurrency: 10,
  leaseMs: 5 * 60 * 1_000,
  deliveryTimeoutMs: 20_000,
  maxAttempts: 10,
  backoff: DEFAULT_BACKOFF,
};

/** Settings as callers pass them: any field may be left out. */
export type OutboxSettingsInput = Partial<Omit<OutboxSettings, 'backoff'>> & { backoff?: Partial<BackoffPolicy> | undefined };

function positiveInteger(setting: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new InvalidOutboxSettingsError(setting, `must be a positive whole number, got ${value}`);
  return value;
}

/** Ceil(batch / concurrency) deliveries in a row, each bounded by the timeout: the longest a batch can take. */
export function longestBatchMs(settings: Pick<OutboxSettings, 'batchSize' | 'concurrency' | 'deliveryTimeoutMs'>): number {
  return Math.ceil(settings.batchSize / settings.concurrency) * settings.deliveryTimeoutMs;
}

/**
 * Fills in the defaults and checks that the settings fit together. The lease must outlast
 * the longest a batch can take, or a slow but healthy replica would have its events taken
 * over (and delivered twice) while it is still working on them.
 */
export function resolveOutboxSettings(input: OutboxSettingsInput = {}): OutboxSettings {
  const defaults = DEFAULT_OUTBOX_SETTINGS;
  const settings: OutboxSettings = {
    batchSize: positiveInteger('batchSize', input.batchSize ?? defaults.batchSize),
    concurrency: positiveInteger('concurrency', input.concurrency ?? defaults.concurrency),
    leaseMs: positiveInteger('leaseMs', input.leaseMs ?? defaults.leaseMs),
    deliveryTimeoutMs: positiveInteger('deliveryTimeoutMs', input.deliveryTimeoutMs ?? defaults.deliveryTimeoutMs),
    maxAttempts: positiveInteger('maxAttempts', input.maxAttempts ?? defaults.maxAttempts),
    backoff: {
      baseMs: positiveInteger('backoff.baseMs', input.backoff?.baseMs ?? defaults.backoff.baseMs),
      maxMs: positiveInteger('backoff.maxMs', input.backoff?.maxMs ?? defaults.backoff.maxMs),
    },
  };
  if (settings.backoff.maxMs < settings.backoff.baseMs) {
    throw new InvalidOutboxSettingsError('backoff.maxMs', `(${settings.backoff.maxMs}) must not be below backoff.baseMs (${settings.backoff.baseMs})`);
  }
  const longest = longestBatchMs(settings);
  if (settings.leaseMs <= longest) {
    throw new InvalidOutboxSettingsError(
      'leaseMs',
      `(${settings.leaseMs}) must exceed the longest a batch can take, ceil(batchSize / concurrency) × deliveryTimeoutMs = ${longest}: raise it, or lower batchSize or deliveryTimeoutMs`,
    );
  }
  return settings;
}
