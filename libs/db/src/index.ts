/*
 * The database: the one entity registry, MikroORM's options, sessions (the SessionFactory
 * apps hand the libs, `getSession` as the first release's compatibility export), the
 * embedded PostgreSQL of the no-setup start, the advisory-lock registry and the helpers
 * raw SQL is written with.
 */
export { entities, TransferOrder, TransferOrderLine, ExternalOrder, ExternalOrderLine } from './entities';
export { LOG_LEVELS, type LogLevel } from './entities/integration-log';
export { RUN_TRIGGERS, RUN_STATUSES, ORDER_STATUSES, type RunTrigger, type RunStatus, type OrderStatus } from './entities/replenishment';
export { OUTBOX_STATUSES, type OutboxStatus } from './entities/outbox-event';
export { ADMIN_ROLES, type AdminRole } from './entities/admin-operator';
export { createOrmOptions } from './config';
export { createSessionFactory, connectDatabase, disconnectDatabase, getOrm, getSession, type SessionFactory } from './session';
export { resolveDatabaseUrl, stopEmbeddedServers, startEmbeddedServer, defaultEmbeddedOptions, DatabaseNotConfiguredError } from './database-url';
export { DatabaseConnectionError, explainConnectionFailure } from './connection-error';
export { isDatabaseUnreachable } from './database-unreachable';
export {
  DEFAULT_DATABASE_CONNECT_TIMEOUT_MS,
  DatabaseUnavailableError,
  databaseConnectTimeoutSetting,
  readDatabaseConnectTimeout,
  waitForDatabase,
  type ConnectAttemptLogger,
  type WaitForDatabaseOptions,
} from './wait-for-database';
export { ADVISORY_LOCKS, lockForTransaction, tryLockForTransaction, type AdvisoryLock } from './advisory-locks';
export { sqlArray, sqlColumns, toDate, toDateOrNull, type SqlArrayElement } from './sql/values';
export { executeBound, queryBound } from './sql/bound-statement';
export { copyRows, openCopy, CopyOutsideTransactionError, type CopyValue, type CopyWriter } from './sql/copy-rows';
export {
  keysetTable,
  newestFirst,
  olderThanCursor,
  pickCursor,
  readKeysetPage,
  UnknownCursorError,
  type KeysetPage,
  type KeysetPageRequest,
  type KeysetParameters,
  type KeysetTable,
  type CursorField,
} from './sql/keyset-page';
export type { EntityManager } from '@mikro-orm/postgresql';
export { MikroORM } from '@mikro-orm/postgresql';
