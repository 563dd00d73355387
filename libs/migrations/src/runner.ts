import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { createOrmOptions } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { MigrationRunFailedError, UnknownMigrationsError } from './errors';
import { withMigrationLock } from './migration-lock';
import { migrationsList } from './migrations';
import { ProgressLoggingMigrator } from './progress-migrator';
import { compareWithBuild, MIGRATIONS_TABLE, type MigrationStatus } from './status';

/** Where the migrations' sources live, from the repository root: the MikroORM CLI writes new ones here. */
export const MIGRATIONS_DIR = 'libs/migrations/src/migrations';

/** MikroORM's options with the migrator and this build's migrations: the runner's, and the MikroORM CLI's (mikro-orm.config.js). */
export function migratorOrmOptions(databaseUrl: string): Options {
  return createOrmOptions(databaseUrl, {
    extensions: [Migrator],
    pool: { min: 0, max: 2 },
    migrations: {
      tableName: MIGRATIONS_TABLE,
      migrationsList,
      path: MIGRATIONS_DIR,
      pathTs: MIGRATIONS_DIR,
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}

/** Opens an ORM with the migrator and this build's migrations. */
export async function openMigratorOrm(databaseUrl: string): Promise<MikroORM> {
  return MikroORM.init(migratorOrmOptions(databaseUrl));
}

/**
 * Runs `work` with a migrator ORM and the database's status (the caller holds the migration
 * lock); refuses (touching nothing) when the database holds migrations this build lacks.
 */
async function withKnownMigrations<T>(databaseUrl: string, work: (orm: MikroORM, status: MigrationStatus) => Promise<T>): Promise<T> {
  const orm = await openMigratorOrm(databaseUrl);
  try {
    // Through the migrator, which creates its table when missing.
    const status = compareWithBuild((await orm.getMigrator().getExecutedMigrations()).map((row) => row.name));
    if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
    return await work(orm, status);
  } finally {
    await orm.close(true);
  }
}

/**
 * Applies every pending migration and returns their names: `migrateUp`'s work, once it holds
 * the lock and has found migrations pending. Loaded only then (it loads the migrator).
 */
export async function applyPendingMigrations(databaseUrl: string, logger: StdoutLogger): Promise<string[]> {
  return withKnownMigrations(databaseUrl, async (orm, status) => {
    if (status.applied.length === 0) {
      logger.info({ pending: status.pending.length }, `No migrations have been applied to this database yet: applying all ${status.pending.length}.`);
    }
    if (status.pending.length === 0) return [];
    const done = await new ProgressLoggingMigrator(orm.em, logger).up().catch((error: unknown) => {
      throw new MigrationRunFailedError(error);
    });
    logger.info({ applied: done.length }, `Applied ${done.length} migration(s); schema is current.`);
    return done.map((m) => m.name);
  });
}

/** Reverts the last applied migration (or `steps` of them) under the lock. */
export async function migrateDown(databaseUrl: string, logger: StdoutLogger, steps = 1): Promise<string[]> {
  return withMigrationLock(
    databaseUrl,
    () =>
      withKnownMigrations(databaseUrl, async (orm, status) => {
        if (status.applied.length === 0) {
          logger.info('No migrations are applied: nothing to revert.');
          return [];
        }
        const migrator = new ProgressLoggingMigrator(orm.em, logger);
        const reverted: string[] = [];
        for (let step = 0; step < Math.min(steps, status.applied.length); step++) {
          reverted.push(...(await migrator.down()).map((m) => m.name));
        }
        return reverted;
      }),
    logger,
  );
}
