/**
 * `npm run admin:users -- add|passwd|disable|list`, and in the admin image
 * `node dist/apps/admin/users.js …` (plain node, working directory /app): the admin's
 * operator accounts. A password comes from ADMIN_USER_PASSWORD when set, else one is
 * generated and printed once.
 */
import { connectDatabase, createSessionFactory, disconnectDatabase, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { prepareDatabase } from '@hub/migrations';
import { runUsersCommand, UsersCommandError, USERS_USAGE } from './auth/users-command';

const logger = createStdoutLogger('admin-users', process.env['LOG_LEVEL'] ?? 'warn');

async function main(argv: string[]): Promise<number> {
  const sessionsFor = async () => createSessionFactory(await connectDatabase(await prepareDatabase(logger)));
  try {
    const output = await runUsersCommand(argv, { sessions: sessionsFor, password: process.env['ADMIN_USER_PASSWORD'] });
    process.stdout.write(output);
    return 0;
  } catch (error) {
    if (!(error instanceof UsersCommandError)) throw error;
    process.stderr.write(`${error.message}\n${error.showUsage ? `${USERS_USAGE}\n` : ''}`);
    return error.exitCode;
  }
}

main(process.argv.slice(2))
  .then(async (code) => {
    await disconnectDatabase();
    await stopEmbeddedServers();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    process.stderr.write(`admin:users failed: ${error instanceof Error ? error.message : String(error)}\n`);
    await stopEmbeddedServers().catch(() => undefined);
    process.exit(1);
  });
