import type { MikroORM } from '@hub/db';
import type { MoySkladClient, MoySkladOrderParties, OneCClient } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';

/** What the scheduler's jobs need from the process. */
export interface SchedulerDeps {
  orm: MikroORM;
  oneC: OneCClient;
  logger: LoggerService;
  /** МойСклад (client with the replicas' shared rate limiter, and whom its orders name); delivers CREATE_MS_CUSTOMER_ORDER. */
  moysklad?: { client: MoySkladClient; parties: MoySkladOrderParties };
  /** This process's outbox lease owner; unique per replica (default: host, pid, random suffix). */
  owner?: string;
  /** Outbox tuning; the outbox lib's defaults otherwise. */
  outbox?: { batchSize?: number; leaseMs?: number; maxAttempts?: number };
}
