export * from './entities';
export { createOrmOptions, UNMANAGED_TABLES } from './config';
export {
  createSessionFactory,
  connectDatabase,
  disconnectDatabase,
  getOrm,
  getSession,
  DatabaseNotConnectedError,
  type SessionFactory,
} from './session';
export {
  resolveDatabaseUrl,
  stopEmbeddedServers,
  startEmbeddedServer,
  ensureDatabaseExists,
  embeddedServerUrl,
  defaultEmbeddedOptions,
  EMBEDDED_DATABASE_NAME,
  DatabaseNotConfiguredError,
  type EmbeddedDatabaseOptions,
} from './database-url';
export { DatabaseConnectionError, describeDatabaseTarget, explainConnectionFailure } from './connection-error';
export { ADVISORY_LOCKS, lockForTransaction, type AdvisoryLock } from './advisory-locks';
export { sqlArray, sqlColumns, toDate, toDateOrNull, toNumber, type SqlArrayElement } from './sql/values';
export {
  keysetTable,
  newestFirst,
  olderThanCursor,
  readKeysetPage,
  UnknownCursorError,
  type KeysetPage,
  type KeysetPageRequest,
  type KeysetParameters,
  type KeysetTable,
} from './sql/keyset-page';
export type { EntityManager } from '@mikro-orm/postgresql';
export { MikroORM } from '@mikro-orm/postgresql';
