import { serve } from '@hono/node-server';
import { connectDatabase, disconnectDatabase } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { createAdminApp } from './app';

const DEFAULT_PORT = 8501;
const DEFAULT_HOST = '0.0.0.0';
const DEFAULT_API_URL = 'http://127.0.0.1:8000';
const SHUTDOWN_GRACE_MS = 10_000;

/** Starts the admin: migrations under the lock, the database, then the HTTP server. */
async function main(): Promise<void> {
  const logger = createStdoutLogger('admin');
  const port = Number(process.env['ADMIN_PORT'] ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`ADMIN_PORT must be a TCP port number (1–65535), got "${process.env['ADMIN_PORT']}".`);
  }
  const hostname = process.env['ADMIN_HOST'] || DEFAULT_HOST;
  const apiBaseUrl = process.env['API_URL'] || DEFAULT_API_URL;
  if (!URL.canParse(apiBaseUrl)) throw new Error(`API_URL must be a URL such as ${DEFAULT_API_URL}, got "${apiBaseUrl}".`);

  const orm = await connectDatabase(await prepareDatabase(logger));
  const app = createAdminApp({ orm, apiBaseUrl, apiToken: process.env['API_TOKEN'] || undefined, logger });
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    logger.info({ port: info.port, host: hostname, api: new URL(apiBaseUrl).origin }, `admin listening on http://${hostname}:${info.port}`);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'admin stopping');
    // A client that keeps its connection busy must not keep the process from stopping.
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // Finish the requests in flight, then release the pool, so no query is cut off mid-page.
    server.close(() => {
      disconnectDatabase().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'closing the database failed');
          process.exit(1);
        },
      );
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  createStdoutLogger('admin').fatal({ err: error }, 'admin failed to start');
  // Exit outright: an embedded database or a half-open pool would otherwise keep the process alive.
  process.exit(1);
});
