/**
 * `npm run migrate -- up|down|status|check`, `nx run migrations:<command>`, and in
 * every image `node dist/migrate.js <command>` (plain node: no Nx, no global CLI).
 */
import { DatabaseConnectionError, DatabaseNotConfiguredError, explainConnectionFailure, resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { PendingMigrationsError, UnknownMigrationsError } from './errors';
import { migrateUp } from './migrate-up';
import { migrateDown } from './runner';
import { checkMigrations, migrationStatus } from './status';

const USAGE = 'Usage: migrate <up|down|status|check> (down takes an optional step count, default 1).';
const logger = createStdoutLogger('migrations');

const COMMANDS = ['up', 'down', 'status', 'check'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (given: string | undefined): given is Command => (COMMANDS as readonly string[]).includes(given ?? '');

async function main(command: string | undefined, argument: string | undefined): Promise<number> {
  // Bad arguments are answered before any database is looked for (or an embedded one started).
  if (!isCommand(command)) {
    process.stderr.write(`${command ? `Unknown command "${command}". ` : ''}${USAGE}\n`);
    return 2;
  }
  const steps = argument === undefined ? 1 : Number(argument);
  if (command === 'down' && (!Number.isInteger(steps) || steps < 1)) {
    process.stderr.write(`down takes a positive whole number of steps, not "${argument}".\n${USAGE}\n`);
    return 2;
  }
  const databaseUrl = await resolveDatabaseUrl();
  try {
    await run(command, databaseUrl, steps);
    return 0;
  } catch (error) {
    throw explainConnectionFailure(error, databaseUrl);
  }
}

async function run(command: Command, databaseUrl: string, steps: number): Promise<void> {
  switch (command) {
    case 'up':
      await migrateUp(databaseUrl, logger);
      return;
    case 'down': {
      const reverted = await migrateDown(databaseUrl, logger, steps);
      process.stdout.write(`Reverted ${reverted.length}: ${reverted.join(', ') || '(none)'}\n`);
      return;
    }
    case 'status': {
      const status = await migrationStatus(databaseUrl);
      for (const name of status.applied) process.stdout.write(`applied  ${name}${status.unknown.includes(name) ? '  (unknown to this build)' : ''}\n`);
      for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
      return;
    }
    case 'check': {
      const status = await checkMigrations(databaseUrl);
      process.stdout.write(`Schema is current: ${status.applied.length} migration(s) applied, none pending.\n`);
      return;
    }
  }
}

const EXPLAINED_ERRORS = [DatabaseConnectionError, DatabaseNotConfiguredError, PendingMigrationsError, UnknownMigrationsError];
const isExplained = (error: unknown): boolean => EXPLAINED_ERRORS.some((type) => error instanceof type);

main(process.argv[2], process.argv[3])
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // A failure the message fully explains needs no stack trace; anything else keeps it for the bug report.
    logger.error(isExplained(error) ? {} : { err: error }, message);
    process.stderr.write(`migrate ${process.argv[2] ?? ''} failed: ${message}\n`);
    return 1;
  })
  .then(async (code) => {
    await stopEmbeddedServers();
    process.exit(code);
  });
