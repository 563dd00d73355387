import type { MikroORM } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import type { OutboxSettingsInput } from '@hub/outbox';

/** What the scheduler's jobs need from the process. */
export interface SchedulerDeps {
  orm: MikroORM;
  oneC: OneCClient;
  logger: LoggerService;
  /** This process's outbox lease owner; unique per replica (default: host, pid, random suffix). */
  owner?: string;
  /** Outbox tuning; the outbox lib's defaults otherwise. */
  outbox?: OutboxSettingsInput;
  /** How often the outbox ticks; 30 s on the half-minute (the cron schedule) when omitted. */
  outboxIntervalMs?: number;
}
