import { connectDatabase, disconnectDatabase } from '@hub/db';
import { createOneCClient, oneCClientOptionsFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { readSchedulerConfig } from './config';
import { createScheduler } from './scheduler';

const stdout = createStdoutLogger('scheduler');

async function main(): Promise<void> {
  // A bad ONEC_* or OUTBOX_* setting stops the start before the database is touched.
  const oneC = createOneCClient(oneCClientOptionsFromEnv());
  const config = readSchedulerConfig();
  const databaseUrl = await prepareDatabase(stdout);
  const orm = await connectDatabase(databaseUrl);
  const logger = new LoggerService({ source: 'scheduler', session: () => orm.em.fork(), stdout });
  const scheduler = createScheduler({ orm, oneC, logger, outbox: config.outbox, outboxIntervalMs: config.outboxIntervalMs });
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
