import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { PendingMigrationsError, UnknownMigrationsError } from './errors';
import { migrationsList } from './migrations';

/** Where MikroORM records applied migrations. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** Which migrations the database has applied, and how they compare with this build's list. */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied in the database but unknown to this build. */
  unknown: string[];
}

/** Compares the names a database recorded (in applied order) with this build's list. */
export function compareWithBuild(applied: string[]): MigrationStatus {
  const known = new Set(migrationsList.map((m) => m.name));
  const appliedSet = new Set(applied);
  return {
    applied,
    pending: migrationsList.map((m) => m.name).filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !known.has(name)),
  };
}

/** The status as seen through `orm`'s migrator (which creates its table when missing). */
export async function readStatus(orm: MikroORM): Promise<MigrationStatus> {
  return compareWithBuild((await orm.getMigrator().getExecutedMigrations()).map((row) => row.name));
}

const STATUS_CONNECT_TIMEOUT_MS = 5_000;

/**
 * The status of the database at `databaseUrl`. Strictly read-only and light (one connection,
 * no ORM), since `/ready` asks on every probe: a database never migrated has no table yet,
 * which simply means nothing is applied.
 */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  // Bounded, so probes against an unreachable database do not pile up connection attempts.
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: STATUS_CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    const table = await client.query<{ present: boolean }>('select to_regclass($1) is not null as present', [MIGRATIONS_TABLE]);
    if (table.rows[0]?.present !== true) return compareWithBuild([]);
    const rows = await client.query<{ name: string }>(`select name from ${MIGRATIONS_TABLE} order by id`);
    return compareWithBuild(rows.rows.map((row) => row.name));
  } finally {
    await client.end();
  }
}

/** Throws unless every migration of this build is applied and none unknown is. */
export async function checkMigrations(databaseUrl: string): Promise<MigrationStatus> {
  const status = await migrationStatus(databaseUrl);
  if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
  if (status.pending.length > 0) throw new PendingMigrationsError(status.pending);
  return status;
}
