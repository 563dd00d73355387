import { createSessionFactory, type MikroORM, type SessionFactory } from '@hub/db';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createTestDatabase, openTestOrm, type TestDatabase } from './test-database';

/** A cloned database, an ORM on it and a LoggerService writing its rows there (stdout silent). */
export interface LoggedTestDatabase {
  db: TestDatabase;
  orm: MikroORM;
  sessions: SessionFactory;
  /** Logs as `source` would in the app, into this database's integration_logs. */
  logger: LoggerService;
  /** Runs a query on a fresh session. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Closes the ORM, then drops the database. */
  close(): Promise<void>;
}

/** Clones the migrated template as `<prefix>_…` and wires an ORM and a `source` logger to it. */
export async function openLoggedTestDatabase(prefix: string, source: string): Promise<LoggedTestDatabase> {
  const db = await createTestDatabase(prefix);
  const orm = await openTestOrm(db.url);
  const sessions = createSessionFactory(orm);
  const logger = new LoggerService({ source, session: sessions.open, stdout: createStdoutLogger(source, 'silent') });
  return {
    db,
    orm,
    sessions,
    logger,
    query: (sql, params = []) => orm.em.fork().execute(sql, params, 'all'),
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}
