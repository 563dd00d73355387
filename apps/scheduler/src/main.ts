import { connectDatabase, disconnectDatabase } from '@hub/db';
import { createMoySkladClient, createOneCClient, moySkladSettingsFromEnv, oneCClientOptionsFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { createPgRateLimiter, moySkladRateBucket } from '@hub/outbox';
import { prepareDatabase } from '@hub/migrations';
import { exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { createScheduler } from './scheduler';

const stdout = createStdoutLogger('scheduler');

async function main(): Promise<void> {
  // A bad ONEC_* or MOYSKLAD_* setting stops the start before the database is touched.
  const oneC = createOneCClient(oneCClientOptionsFromEnv());
  const moySkladSettings = moySkladSettingsFromEnv();
  const databaseUrl = await prepareDatabase(stdout);
  const orm = await connectDatabase(databaseUrl);
  const logger = new LoggerService({ source: 'scheduler', session: () => orm.em.fork(), stdout });
  // Every replica counts against the same PostgreSQL bucket, so together they keep МойСклад's limits.
  const rateLimiter = createPgRateLimiter({ orm, bucket: moySkladRateBucket(moySkladSettings.client.token), ...moySkladSettings.limits });
  const moysklad = { client: createMoySkladClient({ ...moySkladSettings.client, rateLimiter }), parties: moySkladSettings.parties };
  const scheduler = createScheduler({ orm, oneC, logger, moysklad });
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
