import { outboxSettingsFromEnv, type OutboxSettings } from '@hub/outbox';
import { blankAsUnset, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { OUTBOX_INTERVAL_MS } from './jobs/job-names';

const schedulerEnvSchema = z.object({
  OUTBOX_INTERVAL_MS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int({ error: 'must be a whole number of milliseconds' })
      .min(50, { error: 'must be at least 50 ms' })
      .default(OUTBOX_INTERVAL_MS),
  ),
});

export interface SchedulerConfig {
  /** How often process_outbox_events_job ticks: every 30 s on the half-minute unless told otherwise. */
  outboxIntervalMs: number;
  outbox: OutboxSettings;
}

/** OUTBOX_INTERVAL_MS and the outbox's OUTBOX_* settings; a ConfigError names a bad variable. */
export function readSchedulerConfig(env: NodeJS.ProcessEnv = process.env): SchedulerConfig {
  return { outboxIntervalMs: readEnvConfig(schedulerEnvSchema, env).OUTBOX_INTERVAL_MS, outbox: outboxSettingsFromEnv(env) };
}
