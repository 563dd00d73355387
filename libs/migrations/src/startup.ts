import { resolveDatabaseUrl } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { migrateUp } from './runner';

/**
 * Every app's first step: find the database (DATABASE_URL or the embedded one), apply
 * pending migrations under the advisory lock, and return the URL to connect to.
 * Throws `UnknownMigrationsError` (naming the migration and the fix) when the database
 * is ahead of this build.
 */
export async function prepareDatabase(logger: StdoutLogger): Promise<string> {
  const databaseUrl = await resolveDatabaseUrl();
  await migrateUp(databaseUrl, logger);
  return databaseUrl;
}
