import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities';

/** Tables in the database that no entity describes on purpose. */
export const UNMANAGED_TABLES = [
  // Left by the Python release; kept so that release could still read its revision.
  'alembic_version',
  'mikro_orm_migrations',
];

/**
 * MikroORM options for one database. Apps and the migrator both start from here,
 * so they agree on the entity registry.
 */
export function createOrmOptions(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    debug: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureDatabase: false,
    pool: { min: 0, max: 10 },
    schemaGenerator: { skipTables: UNMANAGED_TABLES },
    ...overrides,
  });
}
