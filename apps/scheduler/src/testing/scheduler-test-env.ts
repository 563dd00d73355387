/** Test support (imported by specs only): a cloned database, a sandbox process and a logger on both. */
import { afterAll, beforeAll } from 'vitest';
import type { MikroORM } from '@hub/db';
import { createMoySkladClient, moySkladSettingsFromEnv } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import { createPgRateLimiter, enqueueEvent, moySkladRateBucket } from '@hub/outbox';
import { createPendingTransferOrder, openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';
import type { SchedulerDeps } from '../jobs/scheduler-deps';

/** An integration_logs row as the specs read it, with the column types checked in SQL. */
export interface LogRow {
  level: string;
  message: string;
  job_id: string | null;
  job_id_type: string;
  job_name: string | null;
  payload: Record<string, unknown> | null;
  payload_type: string | null;
  elapsed_ms: number | null;
}

export interface SchedulerTestEnv {
  orm: MikroORM;
  sandbox: SandboxProcess;
  logger: LoggerService;
  /** Real dependencies, with any of them replaced. */
  deps(overrides?: Partial<SchedulerDeps>): SchedulerDeps;
  /** The sandbox's МойСклад, as the scheduler's main builds it: client, parties and the shared limiter. */
  moysklad(): NonNullable<SchedulerDeps['moysklad']>;
  /** integration_logs rows matching a SQL condition, oldest first. */
  logsWhere(condition: string, params: unknown[]): Promise<LogRow[]>;
  /** A pending transfer order and its CREATE_1C_TRANSFER_ORDER event, as a run writes them. */
  enqueueTransferOrder(): Promise<{ orderId: string; eventId: string }>;
}

/** Registers beforeAll/afterAll hooks; read the fields inside tests only. */
export function useSchedulerTestEnv(prefix: string): SchedulerTestEnv {
  let database: LoggedTestDatabase | undefined;
  const env = {} as SchedulerTestEnv;

  beforeAll(async () => {
    [database, env.sandbox] = await Promise.all([openLoggedTestDatabase(prefix, 'scheduler'), startSandboxProcess()]);
    ({ orm: env.orm, logger: env.logger } = database);
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed; the other is still cleaned up.
    await Promise.all([database?.close(), env.sandbox?.stop()]);
  });

  env.deps = (overrides = {}) => ({ orm: env.orm, oneC: env.sandbox.oneC, logger: env.logger, ...overrides });
  env.moysklad = () => {
    const settings = moySkladSettingsFromEnv({ MOYSKLAD_BASE_URL: env.sandbox.baseUrl });
    const rateLimiter = createPgRateLimiter({ orm: env.orm, bucket: moySkladRateBucket(settings.client.token), ...settings.limits });
    return { client: createMoySkladClient({ ...settings.client, rateLimiter }), parties: settings.parties };
  };
  env.logsWhere = (condition, params) =>
    env.orm.em.fork().execute<LogRow[]>(
      `select level, message, job_id, pg_typeof(job_id)::text as job_id_type, job_name, payload,
         jsonb_typeof(payload) as payload_type, elapsed_ms
       from integration_logs where ${condition} order by id`,
      params,
      'all',
    );
  env.enqueueTransferOrder = async () => {
    const { orderId, request } = await createPendingTransferOrder(env.orm, env.sandbox.oneC);
    const eventId = await env.orm.em.fork().transactional((em) =>
      enqueueEvent(em, { aggregateType: 'transfer_order', aggregateId: orderId, eventType: 'CREATE_1C_TRANSFER_ORDER', payload: request }),
    );
    return { orderId, eventId };
  };
  return env;
}
