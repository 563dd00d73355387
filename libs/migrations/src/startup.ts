import { readDatabaseConnectTimeout, resolveDatabaseUrl, waitForDatabase } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { migrateUp } from './migrate-up';

export interface PrepareDatabaseOptions {
  /** How long to keep retrying a database that is not there yet; DATABASE_CONNECT_TIMEOUT_MS when not given. */
  connectTimeoutMs?: number;
}

/**
 * Every app's first step: find the database (DATABASE_URL or the embedded one), wait for it
 * to answer (retrying with backoff for DATABASE_CONNECT_TIMEOUT_MS, each attempt logged),
 * apply pending migrations under the advisory lock, and return the URL to connect to.
 * Throws DatabaseUnavailableError when it never answers, and `UnknownMigrationsError`
 * (naming the migration and the fix) when the database is ahead of this build.
 */
export async function prepareDatabase(logger: StdoutLogger, options: PrepareDatabaseOptions = {}): Promise<string> {
  const databaseUrl = await resolveDatabaseUrl();
  await waitForDatabase(databaseUrl, { timeoutMs: options.connectTimeoutMs ?? readDatabaseConnectTimeout(), logger });
  await migrateUp(databaseUrl, logger);
  return databaseUrl;
}
