import { blankAsUnset, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

/** How long `integration_logs` rows are kept when LOG_RETENTION_DAYS is not set. */
export const DEFAULT_LOG_RETENTION_DAYS = 90;

/**
 * How long the audit trail is kept: rows older than `days` days are removed once a day, or
 * nothing is ever removed (LOG_RETENTION_DAYS=0).
 */
export type LogRetention = { kind: 'days'; days: number } | { kind: 'keep-forever' };

const NOT_DAYS = 'must be a whole number of days (0 keeps the logs forever)';
/** A hundred years: beyond it a cutoff would fall outside what a Date (and timestamptz) can hold. */
const MAX_DAYS = 36_500;

const retentionEnvSchema = z.object({
  LOG_RETENTION_DAYS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: NOT_DAYS })
      .int({ error: NOT_DAYS })
      .min(0, { error: NOT_DAYS })
      .max(MAX_DAYS, { error: `must be at most ${MAX_DAYS} days (0 keeps the logs forever)` })
      .default(DEFAULT_LOG_RETENTION_DAYS),
  ),
});

/**
 * LOG_RETENTION_DAYS: a whole number of days up to 36500, 90 when unset or blank, 0 to keep every
 * row forever. Throws a ConfigError naming the variable for anything else (a fraction, a negative
 * number, text, more than a hundred years).
 */
export function logRetentionFromEnv(env: NodeJS.ProcessEnv = process.env): LogRetention {
  const { LOG_RETENTION_DAYS: days } = readEnvConfig(retentionEnvSchema, env);
  return days === 0 ? { kind: 'keep-forever' } : { kind: 'days', days };
}

const DAY_MS = 86_400_000;

/** The instant before which rows are expired at `now`: exactly `days` × 24 hours earlier. */
export function retentionCutoff(retention: { days: number }, now: Date): Date {
  return new Date(now.getTime() - retention.days * DAY_MS);
}
