import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmOptions } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { Client } from 'pg';
import { MigrationRunFailedError, PendingMigrationsError, UnknownMigrationsError } from './errors';
import { migrationsList } from './migrations';
import { ProgressLoggingMigrator } from './progress-migrator';

/** Where MikroORM records applied migrations. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';
/** Arbitrary but fixed: every process of every app takes this same lock to migrate. */
export const MIGRATION_LOCK_KEY = 7_261_000_001;

/** Which migrations the database has applied, and how they compare with this build's list. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied in the database but unknown to this build. */
  unknown: string[];
}

/** Opens an ORM with the migrator and this build's migrations. */
export async function openMigratorOrm(databaseUrl: string): Promise<MikroORM> {
  return MikroORM.init(
    createOrmOptions(databaseUrl, {
      extensions: [Migrator],
      pool: { min: 0, max: 2 },
      migrations: {
        tableName: MIGRATIONS_TABLE,
        migrationsList,
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        silent: true,
      },
    }),
  );
}

/** The status as seen through `orm`'s migrator. */
export async function readStatus(orm: MikroORM): Promise<MigrationStatus> {
  const migrator = orm.getMigrator();
  const applied = (await migrator.getExecutedMigrations()).map((row) => row.name);
  const known = new Set(migrationsList.map((m) => m.name));
  const appliedSet = new Set(applied);
  return {
    applied,
    pending: migrationsList.map((m) => m.name).filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !known.has(name)),
  };
}

/** Runs `work` while holding the cluster-wide migration lock (a session advisory lock). */
export async function withMigrationLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await lock.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Applies every pending migration under the lock and returns their names. Refuses
 * (without touching anything) when the database holds migrations this build lacks.
 */
export async function migrateUp(databaseUrl: string, logger: StdoutLogger): Promise<string[]> {
  return withMigrationLock(databaseUrl, async () => {
    const orm = await openMigratorOrm(databaseUrl);
    try {
      const status = await readStatus(orm);
      if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
      if (status.applied.length === 0) {
        logger.info(
          { pending: status.pending.length },
          `No migrations have been applied to this database yet: applying all ${status.pending.length}.`,
        );
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
    } finally {
      await orm.close(true);
    }
  });
}

/** Reverts the last applied migration (or `steps` of them) under the lock. */
export async function migrateDown(databaseUrl: string, logger: StdoutLogger, steps = 1): Promise<string[]> {
  return withMigrationLock(databaseUrl, async () => {
    const orm = await openMigratorOrm(databaseUrl);
    try {
      const status = await readStatus(orm);
      if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
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
    } finally {
      await orm.close(true);
    }
  });
}

/** The status of the database at `databaseUrl` (no lock: it only reads). */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  const orm = await openMigratorOrm(databaseUrl);
  try {
    return await readStatus(orm);
  } finally {
    await orm.close(true);
  }
}

/** Throws unless every migration of this build is applied and none unknown is. */
export async function checkMigrations(databaseUrl: string): Promise<MigrationStatus> {
  const status = await migrationStatus(databaseUrl);
  if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
  if (status.pending.length > 0) throw new PendingMigrationsError(status.pending);
  return status;
}
