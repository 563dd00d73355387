import { connectDatabase, disconnectDatabase } from '@hub/db';
import { createOneCClient, oneCClientOptionsFromEnv } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { createScheduler } from './scheduler';

const stdout = createStdoutLogger('scheduler');

async function main(): Promise<void> {
  // A bad ONEC_* setting stops the start before the database is touched.
  const oneC = createOneCClient(oneCClientOptionsFromEnv());
  const databaseUrl = await prepareDatabase(stdout);
  const orm = await connectDatabase(databaseUrl);
  const logger = new LoggerService({ source: 'scheduler', session: () => orm.em.fork(), stdout });
  const scheduler = createScheduler({ orm, oneC, logger });
  scheduler.start();
  stdout.info({ nextInvocations: scheduler.nextInvocations() }, 'scheduler started');

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    stdout.info({ signal }, 'scheduler stopping: waiting for running jobs');
    await scheduler.stop();
    await disconnectDatabase();
    stdout.info('scheduler stopped');
  };
  // Ctrl+C under `npm run dev` delivers both the terminal's SIGINT and dev's SIGTERM: stop once.
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping ??= shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          stdout.error({ err: error }, 'scheduler did not stop cleanly');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  stdout.fatal({ err: error }, `scheduler failed to start: ${reason}`);
  process.exit(1);
});
