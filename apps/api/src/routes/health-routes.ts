import { OpenAPIHono } from '@hono/zod-openapi';
import { healthRoute, NOT_READY_REASONS, readyRoute, type NotReadyReason } from '@hub/api-contract';
import { assertMigrationsCurrent, PendingMigrationsError, readMigrationStatus, UnknownMigrationsError } from '@hub/migrations';
import { redactText } from '@hub/runtime';
import type { ApiDependencies } from '../dependencies';

/** A probe that hangs is a failed probe: an orchestrator must get its answer. */
const READY_TIMEOUT_MS = 5_000;

type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; message: string };

/**
 * Every query goes through the API's pool: opening a connection of its own per probe (as the
 * migration check once did) cost a PostgreSQL backend start each time, ~5 ms against ~0.15 ms
 * for a query on an open connection, and made /ready the slowest route under load (issue 13, P6).
 */
async function checkReadiness(deps: ApiDependencies): Promise<Readiness> {
  const em = deps.sessions.open();
  try {
    await em.execute('select 1', [], 'get');
  } catch (error) {
    return { ready: false, reason: NOT_READY_REASONS.databaseUnreachable, message: messageOf(error) };
  }
  try {
    assertMigrationsCurrent(await readMigrationStatus((sql) => em.execute(sql, [], 'all')));
    return { ready: true };
  } catch (error) {
    const reason =
      error instanceof PendingMigrationsError ? NOT_READY_REASONS.migrationsPending
      : error instanceof UnknownMigrationsError ? NOT_READY_REASONS.migrationsUnknown
      : NOT_READY_REASONS.migrationsUnchecked;
    return { ready: false, reason, message: messageOf(error) };
  }
}

// Driver errors can quote the connection string: the first line only, without credentials.
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactText(text.split('\n')[0] ?? '');
}

function withTimeout(work: Promise<Readiness>): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () => resolve({ ready: false, reason: NOT_READY_REASONS.databaseUnreachable, message: `no answer within ${READY_TIMEOUT_MS} ms` }),
      READY_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** GET /health: the process answers. GET /ready: the database answers and its migrations are current. */
export function healthRoutes(deps: ApiDependencies): OpenAPIHono {
  return new OpenAPIHono()
    .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyRoute, async (c) => {
      const readiness = await withTimeout(checkReadiness(deps));
      if (readiness.ready) return c.json({ status: 'ready' as const }, 200);
      return c.json({ status: 'not_ready' as const, reason: readiness.reason, message: readiness.message }, 503);
    });
}
