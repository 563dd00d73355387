import { outboxSettingsFromEnv, type OutboxSettings } from '@hub/outbox';
import { millisecondsSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { OUTBOX_INTERVAL_MS } from './jobs/job-names';

const schedulerEnvSchema = z.object({
  OUTBOX_INTERVAL_MS: millisecondsSetting(OUTBOX_INTERVAL_MS, 50),
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
