import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ADVISORY_LOCKS, createOrmOptions, explainConnectionFailure } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { Client } from 'pg';
import { MigrationRunFailedError, UnknownMigrationsError } from './errors';
import { migrationsList } from './migrations';
import { ProgressLoggingMigrator } from './progress-migrator';
import { MIGRATIONS_TABLE, readStatus, type MigrationStatus } from './status';

/** Every process of every app takes this same lock to migrate. */
const MIGRATION_LOCK_KEY = ADVISORY_LOCKS.migrations;

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

/** Runs `work` while holding the cluster-wide migration lock (a session advisory lock); says so on `logger` when it must wait. */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>, logger?: StdoutLogger): Promise<T> {
  const lock = new Client({ connectionString: databaseUrl });
  // The first connection an app makes: a wrong DATABASE_URL surfaces here, so say what to fix.
  await lock.connect().catch((error: unknown) => {
    throw explainConnectionFailure(error, databaseUrl);
  });
  // An idle client the server drops emits 'error'; unheard, that would crash the process.
  // The work's own connections report the outage; the unlock below then fails quietly.
  lock.on('error', () => undefined);
  try {
    const tried = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [MIGRATION_LOCK_KEY]);
    if (tried.rows[0]?.locked !== true) {
      // Otherwise a replica started beside another looks hung while the other one migrates.
      logger?.info({ lockKey: MIGRATION_LOCK_KEY }, 'Another process is applying migrations: waiting for it to finish.');
      await lock.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
    return await work();
  } finally {
    await lock.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Runs `work` under the migration lock with a migrator ORM and the database's status;
 * refuses (touching nothing) when the database holds migrations this build lacks.
 */
async function withKnownMigrations<T>(databaseUrl: string, logger: StdoutLogger, work: (orm: MikroORM, status: MigrationStatus) => Promise<T>): Promise<T> {
  return withMigrationLock(
    databaseUrl,
    async () => {
      const orm = await openMigratorOrm(databaseUrl);
      try {
        const status = await readStatus(orm);
        if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
        return await work(orm, status);
      } finally {
        await orm.close(true);
      }
    },
    logger,
  );
}

/**
 * Applies every pending migration under the lock and returns their names. Refuses
 * (without touching anything) when the database holds migrations this build lacks.
 */
export async function migrateUp(databaseUrl: string, logger: StdoutLogger): Promise<string[]> {
  return withKnownMigrations(databaseUrl, logger, async (orm, status) => {
    if (status.applied.length === 0) {
      logger.info({ pending: status.pending.length }, `No migrations have been applied to this database yet: applying all ${status.pending.length}.`);
    }
    if (status.pending.length === 0) {
      logger.info({ applied: status.applied.length }, 'Database schema is current: no migrations to apply.');
      return [];
    }
    const done = await new ProgressLoggingMigrator(orm.em, logger).up().catch((error: unknown) => {
      throw new MigrationRunFailedError(error);
    });
    logger.info({ applied: done.length }, `Applied ${done.length} migration(s); schema is current.`);
    return done.map((m) => m.name);
  });
}

/** Reverts the last applied migration (or `steps` of them) under the lock. */
export async function migrateDown(databaseUrl: string, logger: StdoutLogger, steps = 1): Promise<string[]> {
  return withKnownMigrations(databaseUrl, logger, async (orm, status) => {
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
  });
}
