import { Client } from 'pg';
import { PendingMigrationsError, UnknownMigrationsError } from './errors';
import { MIGRATION_NAMES } from './migrations/names';

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
  const known = new Set<string>(MIGRATION_NAMES);
  const appliedSet = new Set(applied);
  return {
    applied,
    pending: MIGRATION_NAMES.filter((name) => !appliedSet.has(name)),
    unknown: applied.filter((name) => !known.has(name)),
  };
}

/** Runs one statement without parameters on some connection and answers its rows. */
export type QueryRows = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** `QueryRows` over one `pg` client. */
export const queryOver =
  (client: Client): QueryRows =>
  async (sql) =>
    (await client.query<Record<string, unknown>>(sql)).rows;

const TABLE_PRESENT = `select to_regclass('${MIGRATIONS_TABLE}') is not null as present`;
const APPLIED_NAMES = `select name from ${MIGRATIONS_TABLE} order by id`;

/**
 * The status read over a connection the caller already holds (e.g. the API's pool, for
 * `/ready`): strictly read-only. A database never migrated has no table yet, which simply
 * means nothing is applied.
 */
export async function readMigrationStatus(query: QueryRows): Promise<MigrationStatus> {
  const [table] = await query(TABLE_PRESENT);
  if (table?.['present'] !== true) return compareWithBuild([]);
  return compareWithBuild((await query(APPLIED_NAMES)).map((row) => String(row['name'])));
}

/** Throws unless every migration of this build is applied and none unknown is. */
export function assertMigrationsCurrent(status: MigrationStatus): MigrationStatus {
  if (status.unknown.length > 0) throw new UnknownMigrationsError(status.unknown);
  if (status.pending.length > 0) throw new PendingMigrationsError(status.pending);
  return status;
}

const STATUS_CONNECT_TIMEOUT_MS = 5_000;

/** The status of the database at `databaseUrl`, over one connection of its own (the CLI's way). */
export async function migrationStatus(databaseUrl: string): Promise<MigrationStatus> {
  // Bounded, so a check against an unreachable database does not hang.
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: STATUS_CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return await readMigrationStatus(queryOver(client));
  } finally {
    await client.end();
  }
}

/** Throws unless every migration of this build is applied and none unknown is. */
export async function checkMigrations(databaseUrl: string): Promise<MigrationStatus> {
  return assertMigrationsCurrent(await migrationStatus(databaseUrl));
}
