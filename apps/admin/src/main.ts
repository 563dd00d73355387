import { serve } from '@hono/node-server';
import { connectDatabase, createSessionFactory, disconnectDatabase } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { closeHttpServer, exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { createAdminApp } from './app';
import { prepareOperatorAccounts } from './auth/start-up-operator';
import { readAdminConfig } from './config';

/** How long shutdown waits for pages in progress before closing the database anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

const stdout = createStdoutLogger('admin');

async function main(): Promise<void> {
  const config = readAdminConfig();
  // Migrations are applied (under the advisory lock) before the port opens.
  const sessions = createSessionFactory(await connectDatabase(await prepareDatabase(stdout, { connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS })));
  // Before the port opens: a production admin nobody could sign in to does not start.
  const startUpAccount = { username: config.ADMIN_USERNAME, password: config.ADMIN_PASSWORD, production: config.NODE_ENV === 'production' };
  await prepareOperatorAccounts(sessions, startUpAccount, stdout);
  const app = createAdminApp({
    sessions,
    apiBaseUrl: config.API_URL,
    apiToken: config.API_TOKEN,
    logger: stdout,
    sessionIdleMinutes: config.ADMIN_SESSION_IDLE_MINUTES,
    secureCookie: config.ADMIN_COOKIE_SECURE,
    timeZone: config.ADMIN_TIMEZONE,
    ...(config.ADMIN_PUBLIC_URL === undefined ? {} : { publicOrigin: config.ADMIN_PUBLIC_URL }),
    logRetention: config.logRetention,
  });

  const server = serve({ fetch: app.fetch, port: config.ADMIN_PORT, hostname: config.ADMIN_HOST }, (info) => {
    // `origin` drops any path and user:password@ from API_URL.
    stdout.info({ url: `http://${info.address}:${info.port}`, api: new URL(config.API_URL).origin }, 'admin listening');
  });

  stopOnSignals('admin', stdout, async (signal) => {
    stdout.info({ signal }, 'admin stopping: no new requests, finishing pages in progress');
    // A page stuck on a slow query must not keep the pool open forever.
    await closeHttpServer(server, { graceMs: SHUTDOWN_GRACE_MS });
    await disconnectDatabase();
    stdout.info('admin stopped');
  });
}

main().catch((error: unknown) => exitOnStartFailure('admin', stdout, error));
