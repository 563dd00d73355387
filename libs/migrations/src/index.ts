export { migrateUp, migrateDown, withMigrationLock, openMigratorOrm } from './runner';
export { migrationStatus, checkMigrations, MIGRATIONS_TABLE, type MigrationStatus } from './status';
export { UnknownMigrationsError, PendingMigrationsError, MigrationRunFailedError } from './errors';
export { UnexpectedLogsTableError } from './legacy-logs/plan';
export { migrationsList } from './migrations';
export { prepareDatabase } from './startup';
