/**
 * The MikroORM CLI's configuration (`npx mikro-orm debug`, `schema:update --dump`,
 * `migration:*`), loaded through mikro-orm.config.js at the repository root: the entity
 * registry and the migrator exactly as the apps and `npm run migrate` use them. The CLI starts
 * no embedded PostgreSQL: it needs DATABASE_URL.
 */
import type { Options } from '@mikro-orm/postgresql';
import { migratorOrmOptions } from './runner';

export default function mikroOrmCliConfig(): Options {
  const databaseUrl = process.env['DATABASE_URL']?.trim();
  if (!databaseUrl) {
    throw new Error(
      'The MikroORM CLI needs DATABASE_URL (it starts no embedded PostgreSQL), e.g. DATABASE_URL=postgres://user:pass@127.0.0.1:5432/integration_hub npx mikro-orm debug',
    );
  }
  return migratorOrmOptions(databaseUrl);
}
