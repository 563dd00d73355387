/**
 * `npm run migrate -- up|down|status|check`, `nx run migrations:<command>`, and in
 * every image `node dist/migrate.js <command>` (plain node: no Nx, no global CLI).
 */
import { resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateDown, migrateUp } from './runner';
import { checkMigrations, migrationStatus } from './status';

const USAGE = 'Usage: migrate <up|down|status|check> (down takes an optional step count, default 1).';
const logger = createStdoutLogger('migrations');

async function main(command: string | undefined, argument: string | undefined): Promise<number> {
  const databaseUrl = await resolveDatabaseUrl();
  switch (command) {
    case 'up':
      await migrateUp(databaseUrl, logger);
      return 0;
    case 'down': {
      const steps = argument === undefined ? 1 : Number(argument);
      if (!Number.isInteger(steps) || steps < 1) {
        process.stderr.write(`down takes a positive whole number of steps, not "${argument}".\n${USAGE}\n`);
        return 2;
      }
      const reverted = await migrateDown(databaseUrl, logger, steps);
      process.stdout.write(`Reverted ${reverted.length}: ${reverted.join(', ') || '(none)'}\n`);
      return 0;
    }
    case 'status': {
      const status = await migrationStatus(databaseUrl);
      for (const name of status.applied) process.stdout.write(`applied  ${name}${status.unknown.includes(name) ? '  (unknown to this build)' : ''}\n`);
      for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
      return 0;
    }
    case 'check': {
      const status = await checkMigrations(databaseUrl);
      process.stdout.write(`Schema is current: ${status.applied.length} migration(s) applied, none pending.\n`);
      return 0;
    }
    default:
      process.stderr.write(`${command ? `Unknown command "${command}". ` : ''}${USAGE}\n`);
      return 2;
  }
}

main(process.argv[2], process.argv[3])
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ err: error }, message);
    process.stderr.write(`migrate ${process.argv[2] ?? ''} failed: ${message}\n`);
    return 1;
  })
  .then(async (code) => {
    await stopEmbeddedServers();
    process.exit(code);
  });
