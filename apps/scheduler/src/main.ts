import { connectDatabase, createSessionFactory, disconnectDatabase } from '@hub/db';
import { createMoySkladClient, createOneCClient, moySkladSettingsFromEnv, oneCClientOptionsFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createPgRateLimiter, moySkladRateBucket } from '@hub/orders';
import { prepareDatabase } from '@hub/migrations';
import { exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { readSchedulerConfig } from './config';
import { createScheduler } from './scheduler';

const stdout = createStdoutLogger('scheduler');

async function main(): Promise<void> {
  // A bad ONEC_*, MOYSKLAD_* or OUTBOX_* setting stops the start before the database is touched.
  const oneC = createOneCClient(oneCClientOptionsFromEnv());
  const moySkladSettings = moySkladSettingsFromEnv();
  const config = readSchedulerConfig();
  const databaseUrl = await prepareDatabase(stdout);
  const sessions = createSessionFactory(await connectDatabase(databaseUrl));
  const logger = new LoggerService({ source: 'scheduler', session: sessions.open, stdout });
  // Every replica counts against the same PostgreSQL bucket, so together they keep МойСклад's limits.
  const rateLimiter = createPgRateLimiter({ sessions, bucket: moySkladRateBucket(moySkladSettings.client.token), ...moySkladSettings.limits, logger });
  const moysklad = { client: createMoySkladClient({ ...moySkladSettings.client, rateLimiter }), parties: moySkladSettings.parties, ordering: moySkladSettings.ordering };
  const scheduler = createScheduler({ sessions, oneC, logger, moysklad, outbox: config.outbox, outboxIntervalMs: config.outboxIntervalMs });
  scheduler.start();
  stdout.info({ nextInvocations: scheduler.nextInvocations() }, 'scheduler started');

  stopOnSignals('scheduler', stdout, async (signal) => {
    stdout.info({ signal }, 'scheduler stopping: waiting for running jobs');
    await scheduler.stop();
    await disconnectDatabase();
    stdout.info('scheduler stopped');
  });
}

main().catch((error: unknown) => exitOnStartFailure('scheduler', stdout, error));
