import type { StdoutLogger } from '@hub/logging';
import { UnknownMigrationsError } from './errors';
import { withMigrationLock } from './migration-lock';
import { queryOver, readMigrationStatus } from './status';

/**
 * Applies every pending migration under the lock and returns their names. Refuses
 * (without touching anything) when the database holds migrations this build lacks.
 *
 * The status is read first over the lock's own connection: on a current schema (every start
 * but the first after an upgrade) MikroORM's migrator, umzug and the command-line packages
 * they load (about 240 of the 1,440 modules the API loaded) are never loaded, nor a second ORM opened.
 */
export async function migrateUp(databaseUrl: string, logger: StdoutLogger): Promise<string[]> {
  return withMigrationLock(
    databaseUrl,
    async (lock) => {
      const status = await readMigrationStatus(queryOver(lock));
      if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
      if (status.pending.length === 0) {
        logger.info({ applied: status.applied.length }, 'Database schema is current: no migrations to apply.');
        return [];
      }
      const { applyPendingMigrations } = await import('./runner');
      return applyPendingMigrations(databaseUrl, logger);
    },
    logger,
  );
}
