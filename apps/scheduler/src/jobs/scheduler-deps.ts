import type { SessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import type { LoggerService, LogRetention } from '@hub/logging';
import type { OrderClients } from '@hub/orders';
import type { OutboxSettingsInput } from '@hub/outbox';
import type { SchedulerMetrics } from '../scheduler-metrics';

/** What the scheduler's jobs need from the process. */
export interface SchedulerDeps {
  sessions: SessionFactory;
  oneC: OneCClient;
  logger: LoggerService;
  /** МойСклад (client with the replicas' shared rate limiter, and whom its orders name); without it outside orders are not delivered. */
  moysklad?: OrderClients['moysklad'];
  /** This process's outbox lease owner; unique per replica (default: host, pid, random suffix). */
  owner?: string;
  /** Outbox tuning; the outbox lib's defaults otherwise. */
  outbox?: OutboxSettingsInput;
  /** How often the outbox ticks; 30 s on the half-minute (the cron schedule) when omitted. */
  outboxIntervalMs?: number;
  /** How long integration_logs rows are kept (LOG_RETENTION_DAYS); 90 days when omitted, no cleanup job for keep-forever. */
  logRetention?: LogRetention;
  /** Told how each job run and delivery ended, when the process serves metrics. */
  metrics?: SchedulerMetrics;
}
