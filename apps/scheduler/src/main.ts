import { connectDatabase, createSessionFactory, disconnectDatabase } from '@hub/db';
import { createMoySkladClient, moySkladSettingsFromEnv, oneCConnectorFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService, registerLogWriteFailures } from '@hub/logging';
import { createPgRateLimiter, moySkladRateBucket, ORDER_EVENT_TYPES } from '@hub/orders';
import { prepareDatabase } from '@hub/migrations';
import { closeHttpServer, exitOnStartFailure, serveMetrics, stopOnSignals } from '@hub/runtime';
import { readSchedulerConfig } from './config';
import { createScheduler } from './scheduler';
import { createSchedulerMetrics } from './scheduler-metrics';

const stdout = createStdoutLogger('scheduler');

async function main(): Promise<void> {
  // A bad ONEC_*, MOYSKLAD_* or OUTBOX_* setting stops the start before the database is touched.
  const connector = oneCConnectorFromEnv();
  const moySkladSettings = moySkladSettingsFromEnv();
  const config = readSchedulerConfig();
  // With ONEC_CONNECTOR=odata, a publication that lacks an object or field the hub uses stops the start here, naming it.
  await connector.checkPublication();
  const oneC = connector.client;
  const databaseUrl = await prepareDatabase(stdout, { connectTimeoutMs: config.databaseConnectTimeoutMs });
  const sessions = createSessionFactory(await connectDatabase(databaseUrl));
  const logger = new LoggerService({ source: 'scheduler', session: sessions.open, stdout });
  // Every replica counts against the same PostgreSQL bucket, so together they keep МойСклад's limits.
  const rateLimiter = createPgRateLimiter({ sessions, bucket: moySkladRateBucket(moySkladSettings.client.token), ...moySkladSettings.limits, logger });
  const moysklad = {
    client: createMoySkladClient({ ...moySkladSettings.client, rateLimiter }),
    parties: moySkladSettings.parties,
    ordering: moySkladSettings.ordering,
  };
  const metrics = config.metrics ? createSchedulerMetrics(ORDER_EVENT_TYPES) : undefined;
  if (metrics) registerLogWriteFailures(metrics.registry, logger);
  const metricsServer = metrics && config.metrics ? await serveMetrics(metrics.registry, config.metrics) : undefined;
  const scheduler = createScheduler({
    sessions,
    oneC,
    logger,
    moysklad,
    outbox: config.outbox,
    outboxIntervalMs: config.outboxIntervalMs,
    logRetention: config.logRetention,
    metrics,
  });
  scheduler.start();
  stdout.info({ nextInvocations: scheduler.nextInvocations(), metrics: metricsServer?.url ?? null }, 'scheduler started');

  stopOnSignals('scheduler', stdout, async (signal) => {
    stdout.info({ signal }, 'scheduler stopping: waiting for running jobs');
    await scheduler.stop();
    if (metricsServer) await closeHttpServer(metricsServer.server);
    await disconnectDatabase();
    stdout.info('scheduler stopped');
  });
}

main().catch((error: unknown) => exitOnStartFailure('scheduler', stdout, error));
