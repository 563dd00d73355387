export {
  migrateUp,
  migrateDown,
  migrationStatus,
  checkMigrations,
  withMigrationLock,
  openMigratorOrm,
  MIGRATIONS_TABLE,
  MIGRATION_LOCK_KEY,
  type MigrationStatus,
} from './runner';
export { UnknownMigrationsError, PendingMigrationsError, MigrationRunFailedError } from './errors';
export { UnexpectedLogsTableError } from './legacy-logs/plan';
export { migrationsList } from './migrations';
export { prepareDatabase } from './startup';
