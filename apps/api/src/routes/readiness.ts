import type { SessionFactory } from '@hub/db';
import { NOT_READY_REASONS, type NotReadyReason } from '@hub/api-contract';
import { assertMigrationsCurrent, PendingMigrationsError, readMigrationStatus, UnknownMigrationsError } from '@hub/migrations';
import { redactText } from '@hub/runtime';

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; message: string };

/**
 * How long a "migrations current" answer is trusted. Migrations change only with a deploy,
 * and a replica that does not know a newer one's migration turns not ready within this time.
 */
export const MIGRATIONS_CURRENT_FOR_MS = 10_000;

export interface ReadinessCheckOptions {
  /** Milliseconds since some epoch; tests pass their own clock. */
  now?: () => number;
  currentForMs?: number;
}

/**
 * The check behind GET /ready. Every probe asks the database (`select 1` through the API's
 * pool: reachability is always live). The migrations are read only while they have not been
 * found current in the last `currentForMs`: reading them cost two more statements a probe,
 * which made /ready the slowest route on a loaded machine (issue 13, P6). A pending or unknown
 * migration is never remembered, so a database migrated after start is ready on the next probe;
 * an unreachable database forgets the last answer (it may come back restored from elsewhere).
 * Every statement goes through the pool: a connection of its own per probe cost a backend
 * start each time (~5 ms against ~0.15 ms for a query on an open connection).
 */
export function createReadinessCheck(sessions: SessionFactory, options: ReadinessCheckOptions = {}): () => Promise<Readiness> {
  const now = options.now ?? Date.now;
  const currentForMs = options.currentForMs ?? MIGRATIONS_CURRENT_FOR_MS;
  let currentUntil = -Infinity;
  return async () => {
    const em = sessions.open();
    try {
      await em.execute('select 1', [], 'get');
    } catch (error) {
      currentUntil = -Infinity;
      return { ready: false, reason: NOT_READY_REASONS.databaseUnreachable, message: messageOf(error) };
    }
    if (now() < currentUntil) return { ready: true };
    try {
      assertMigrationsCurrent(await readMigrationStatus((sql) => em.execute(sql, [], 'all')));
      currentUntil = now() + currentForMs;
      return { ready: true };
    } catch (error) {
      const reason =
        error instanceof PendingMigrationsError ? NOT_READY_REASONS.migrationsPending
        : error instanceof UnknownMigrationsError ? NOT_READY_REASONS.migrationsUnknown
        : NOT_READY_REASONS.migrationsUnchecked;
      return { ready: false, reason, message: messageOf(error) };
    }
  };
}

// Driver errors can quote the connection string: the first line only, without credentials.
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactText(text.split('\n')[0] ?? '');
}
