import { ADVISORY_LOCKS, explainConnectionFailure } from '@hub/db';
import type { StdoutLogger } from '@hub/logging';
import { Client } from 'pg';

/** Every process of every app takes this same lock to migrate. */
const MIGRATION_LOCK_KEY = ADVISORY_LOCKS.migrations;

/**
 * Runs `work` while holding the cluster-wide migration lock (a session advisory lock) on the
 * connection it is given; says so on `logger` when it must wait.
 */
export async function withMigrationLock<T>(databaseUrl: string, work: (lock: Client) => Promise<T>, logger?: StdoutLogger): Promise<T> {
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
    return await work(lock);
  } finally {
    await lock.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
