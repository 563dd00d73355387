import { serve } from '@hono/node-server';
import { connectDatabase, createSessionFactory, disconnectDatabase } from '@hub/db';
import { oneCConnectorFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { closeHttpServer, exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { createApp } from './app';
import { authDependencies, describeApiAuth } from './auth/api-auth';
import { readApiConfig } from './config';
import { createRunTracker } from './run-tracker';

const stdout = createStdoutLogger('api');

async function main(): Promise<void> {
  const config = readApiConfig();
  const connector = oneCConnectorFromEnv();
  // With ONEC_CONNECTOR=odata, a publication that lacks an object or field the hub uses stops the start here, naming it.
  await connector.checkPublication();
  const oneC = connector.client;
  // Migrations are applied (under the advisory lock) before the port opens.
  const databaseUrl = await prepareDatabase(stdout, { connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS });
  const sessions = createSessionFactory(await connectDatabase(databaseUrl));
  const logger = new LoggerService({ source: 'api', session: sessions.open, stdout });
  const runs = createRunTracker();
  const app = createApp({ sessions, oneC, logger, ...authDependencies(config.auth), onRunStarted: runs.track });

  const server = serve({ fetch: app.fetch, port: config.API_PORT, hostname: config.API_HOST }, (info) => {
    stdout.info({ url: `http://${info.address}:${info.port}`, auth: describeApiAuth(config.auth) }, 'api listening');
  });

  stopOnSignals('api', stdout, async (signal) => {
    stdout.info({ signal, runsInProgress: runs.size }, 'api stopping: no new requests, waiting for runs in progress');
    await closeHttpServer(server);
    const graceMs = config.API_SHUTDOWN_GRACE_MS;
    if (!(await runs.drain(graceMs))) {
      stdout.warn({ runsInProgress: runs.size }, `runs still in progress after ${graceMs} ms; they stay 'running' in replenishment_runs`);
    }
    await disconnectDatabase();
    stdout.info('api stopped');
  });
}

main().catch((error: unknown) => exitOnStartFailure('api', stdout, error));
