/** Test support: the API over a cloned database, with LoggerService writing to it. */
import { MikroORM } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import type { RunOutcome } from '@hub/replenishment';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import type { Hono } from 'hono';
import { createApp } from '../app';

export interface ApiFixture {
  db: TestDatabase;
  orm: MikroORM;
  app: Hono;
  /** Completions of the runs the app started, in order. */
  runs: Promise<RunOutcome>[];
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openApiFixture(oneC: OneCClient, options: { apiToken?: string } = {}): Promise<ApiFixture> {
  const db = await createTestDatabase('hub_test_api');
  const orm = await openTestOrm(db.url);
  const logger = new LoggerService({ source: 'api', session: () => orm.em.fork(), stdout: createStdoutLogger('api', 'silent') });
  const runs: Promise<RunOutcome>[] = [];
  const app = createApp({ orm, oneC, logger, databaseUrl: db.url, apiToken: options.apiToken, onRunStarted: (run) => runs.push(run) });
  return {
    db,
    orm,
    app,
    runs,
    query: (sql, params = []) => orm.em.fork().execute(sql, params, 'all'),
    close: async () => {
      // A run still writing would hold connections the drop has to wait for.
      await Promise.all(runs);
      await orm.close(true);
      await db.drop();
    },
  };
}

/** Inserts a warehouse, so a trigger can name a known one without a 1С sync. */
export async function insertWarehouse(fx: ApiFixture, id: string, code: string): Promise<void> {
  await fx.query(`insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)`, [id, `1c-${code}`, code, `Warehouse ${code}`]);
}
