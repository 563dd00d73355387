import { logRetentionFromEnv, type LogRetention } from '@hub/logging';
import { databaseConnectTimeoutSetting } from '@hub/db';
import { outboxSettingsFromEnv, type OutboxSettings } from '@hub/outbox';
import { hostSetting, millisecondsSetting, optionalPortSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { OUTBOX_INTERVAL_MS } from './jobs/job-names';

const schedulerEnvSchema = z.object({
  OUTBOX_INTERVAL_MS: millisecondsSetting(OUTBOX_INTERVAL_MS, 50),
  SCHEDULER_METRICS_PORT: optionalPortSetting(),
  SCHEDULER_METRICS_HOST: hostSetting(),
  DATABASE_CONNECT_TIMEOUT_MS: databaseConnectTimeoutSetting(),
});

export interface SchedulerConfig {
  /** How often process_outbox_events_job ticks: every 30 s on the half-minute unless told otherwise. */
  outboxIntervalMs: number;
  outbox: OutboxSettings;
  /** LOG_RETENTION_DAYS: how long cleanup_integration_logs_job keeps integration_logs rows (90 days; 0 keeps them forever). */
  logRetention: LogRetention;
  /** Where GET /metrics listens; none unless SCHEDULER_METRICS_PORT is set. */
  metrics: { port: number; host: string } | null;
  /** How long the start retries a database that is not there yet (DATABASE_CONNECT_TIMEOUT_MS, default 30 s). */
  databaseConnectTimeoutMs: number;
}

/**
 * OUTBOX_INTERVAL_MS, the outbox's OUTBOX_* settings, LOG_RETENTION_DAYS and SCHEDULER_METRICS_PORT (with
 * SCHEDULER_METRICS_HOST, default 127.0.0.1; the image sets 0.0.0.0); a ConfigError names a bad variable.
 */
export function readSchedulerConfig(env: NodeJS.ProcessEnv = process.env): SchedulerConfig {
  const config = readEnvConfig(schedulerEnvSchema, env);
  return {
    outboxIntervalMs: config.OUTBOX_INTERVAL_MS,
    outbox: outboxSettingsFromEnv(env),
    logRetention: logRetentionFromEnv(env),
    databaseConnectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    metrics: config.SCHEDULER_METRICS_PORT === undefined ? null : { port: config.SCHEDULER_METRICS_PORT, host: config.SCHEDULER_METRICS_HOST },
  };
}
