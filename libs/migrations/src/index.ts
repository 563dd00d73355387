/*
 * The migrations and their runner: every app applies pending ones at start under an advisory
 * lock (prepareDatabase); `npm run migrate` (cli.ts) applies, reverts and checks them by hand.
 */
export { migrateUp } from './migrate-up';
export { assertMigrationsCurrent, checkMigrations, readMigrationStatus, type QueryRows } from './status';
export { UnknownMigrationsError, PendingMigrationsError } from './errors';
export { prepareDatabase, type PrepareDatabaseOptions } from './startup';
