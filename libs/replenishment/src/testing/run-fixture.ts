/** Test support: a cloned database with an ORM and a LoggerService writing to it. */
import { MikroORM } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';

export interface RunFixture {
  db: TestDatabase;
  orm: MikroORM;
  logger: LoggerService;
  /** Runs a query on a fresh session. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function openRunFixture(): Promise<RunFixture> {
  const db = await createTestDatabase('hub_test_replenishment');
  const orm = await openTestOrm(db.url);
  const logger = new LoggerService({ source: 'replenishment', session: () => orm.em.fork(), stdout: createStdoutLogger('replenishment', 'silent') });
  return {
    db,
    orm,
    logger,
    query: (sql, params = []) => orm.em.fork().execute(sql, params, 'all'),
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}
