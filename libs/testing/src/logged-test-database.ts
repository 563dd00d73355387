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
  /** Empties every table but the migrations' own record: the database as freshly migrated, for a test that needs it so. */
  emptyTables(): Promise<void>;
  /** Closes the ORM, then drops the database. */
  close(): Promise<void>;
}

/** The migrations add no rows, so empty tables are what a fresh clone of the template has. */
const TRUNCATE_ALL = `
  do $$ begin
    execute (select 'truncate table ' || string_agg(format('%I', tablename), ', ') || ' restart identity cascade'
             from pg_tables where schemaname = 'public' and tablename <> 'mikro_orm_migrations');
  end $$`;

async function emptyTables(orm: MikroORM): Promise<void> {
  await orm.em.fork().execute(TRUNCATE_ALL, [], 'run');
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
    emptyTables: () => emptyTables(orm),
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}
