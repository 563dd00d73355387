/** Test support (imported by specs only): a cloned database, a sandbox process and a logger on both. */
import { afterAll, beforeAll } from 'vitest';
import type { MikroORM, SessionFactory } from '@hub/db';
import { createMoySkladClient, moySkladSettingsFromEnv } from '@hub/integrations';
import type { LoggerService } from '@hub/logging';
import { createPgRateLimiter, moySkladRateBucket } from '@hub/orders';
import { catalogFromOneC, seedOrders, type SeededOrder } from '@hub/orders/testing';
import { openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';
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
  sessions: SessionFactory;
  sandbox: SandboxProcess;
  logger: LoggerService;
  /** Real dependencies, with any of them replaced. */
  deps(overrides?: Partial<SchedulerDeps>): SchedulerDeps;
  /** The sandbox's МойСклад, as the scheduler's main builds it: client, parties and the shared limiter. */
  moysklad(): NonNullable<SchedulerDeps['moysklad']>;
  /** integration_logs rows matching a SQL condition, oldest first. */
  logsWhere(condition: string, params: unknown[]): Promise<LogRow[]>;
  /** A pending transfer order between two of the sandbox's warehouses and its event, as a run writes them. */
  enqueueTransferOrder(): Promise<SeededOrder>;
}

/** Registers beforeAll/afterAll hooks; read the fields inside tests only. */
export function useSchedulerTestEnv(prefix: string): SchedulerTestEnv {
  let database: LoggedTestDatabase | undefined;
  const env = {} as SchedulerTestEnv;

  beforeAll(async () => {
    [database, env.sandbox] = await Promise.all([openLoggedTestDatabase(prefix, 'scheduler'), startSandboxProcess()]);
    ({ orm: env.orm, sessions: env.sessions, logger: env.logger } = database);
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed; the other is still cleaned up.
    await Promise.all([database?.close(), env.sandbox?.stop()]);
  });

  env.deps = (overrides = {}) => ({ sessions: env.sessions, oneC: env.sandbox.oneC, logger: env.logger, ...overrides });
  env.moysklad = () => {
    const settings = moySkladSettingsFromEnv({ MOYSKLAD_BASE_URL: env.sandbox.baseUrl });
    const rateLimiter = createPgRateLimiter({
      sessions: env.sessions,
      bucket: moySkladRateBucket(settings.client.token),
      ...settings.limits,
      logger: env.logger,
    });
    return { client: createMoySkladClient({ ...settings.client, rateLimiter }), parties: settings.parties, ordering: settings.ordering };
  };
  env.logsWhere = (condition, params) =>
    env.sessions.open().execute<LogRow[]>(
      `select level, message, job_id, pg_typeof(job_id)::text as job_id_type, job_name, payload,
         jsonb_typeof(payload) as payload_type, elapsed_ms
       from integration_logs where ${condition} order by id`,
      params,
      'all',
    );
  env.enqueueTransferOrder = async () => {
    const [order] = await seedOrders(env.sessions, { catalog: await catalogFromOneC(env.sandbox.oneC) });
    return order!;
  };
  return env;
}
