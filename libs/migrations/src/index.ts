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
export { UnknownMigrationsError, PendingMigrationsError } from './errors';
export { migrationsList } from './migrations';
export { prepareDatabase } from './startup';
