import { serve } from '@hono/node-server';
import { connectDatabase, disconnectDatabase } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { createAdminApp } from './app';
import { AdminConfigError, readAdminConfig } from './config';

/** How long shutdown waits for pages in progress before closing the database anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

const stdout = createStdoutLogger('admin');

async function main(): Promise<void> {
  const config = readAdminConfig();
  // Migrations are applied (under the advisory lock) before the port opens.
  const orm = await connectDatabase(await prepareDatabase(stdout));
  const app = createAdminApp({ orm, apiBaseUrl: config.API_URL, apiToken: config.API_TOKEN, logger: stdout });

  const server = serve({ fetch: app.fetch, port: config.ADMIN_PORT, hostname: config.ADMIN_HOST }, (info) => {
    // `origin` drops any path and user:password@ from API_URL.
    stdout.info({ url: `http://${info.address}:${info.port}`, api: new URL(config.API_URL).origin }, 'admin listening');
  });

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    stdout.info({ signal }, 'admin stopping: no new requests, finishing pages in progress');
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections would hold close() open; requests in progress finish first.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    // A page stuck on a slow query must not keep the pool open forever.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)));
    await Promise.race([closed, grace]).finally(() => clearTimeout(timer));
    await disconnectDatabase();
    stdout.info('admin stopped');
  };
  // Ctrl+C under `npm run dev` delivers both the terminal's SIGINT and dev's SIGTERM: stop once.
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping ??= shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          stdout.error({ err: error }, 'admin did not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  // A setting to fix needs its one line; anything else keeps its stack for whoever debugs it.
  stdout.fatal(error instanceof AdminConfigError ? {} : { err: error }, `admin failed to start: ${reason}`);
  // Exit outright: an embedded database or a half-open pool would otherwise keep the process alive.
  process.exit(1);
});
