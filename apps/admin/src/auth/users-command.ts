import { ADMIN_ROLES, type AdminRole, type SessionFactory } from '@hub/db';
import { OPERATOR_NAME_PATTERN, OPERATOR_NAME_RULE } from '@hub/runtime';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './password-hash';
import { disableOperator, insertOperator, listOperators, updatePassword } from './operators-sql';

export const USERS_USAGE = `Usage: admin:users <command>
  add <username> [--role viewer|operator]   create an account (default role: viewer)
  passwd <username>                         set a new password
  disable <username>                        stop the account signing in and end its sessions
  list                                      every account with its role and status
The password is ADMIN_USER_PASSWORD when set (at least ${MIN_PASSWORD_LENGTH} characters), else a generated one printed once.`;

/** A refusal the command prints (with the usage when `showUsage`) and exits with `exitCode`. */
export class UsersCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsersCommandError';
  }
}

export interface UsersCommandDeps {
  /** Opened only once the arguments are known to be good. */
  sessions: () => Promise<SessionFactory>;
  /** ADMIN_USER_PASSWORD, if set. */
  password: string | undefined;
}

const usage = (problem: string) => new UsersCommandError(problem, 2, true);

function readUsername(value: string | undefined): string {
  if (value === undefined) throw usage('Name the account: a username is missing.');
  const username = value.toLowerCase();
  if (!OPERATOR_NAME_PATTERN.test(username)) throw usage(`"${value}" is not a username: ${OPERATOR_NAME_RULE}.`);
  return username;
}

function readRole(args: string[]): AdminRole {
  const at = args.indexOf('--role');
  if (at === -1) return 'viewer';
  const role = args[at + 1];
  if (!(ADMIN_ROLES as readonly string[]).includes(role ?? '')) throw usage(`--role must be one of ${ADMIN_ROLES.join(', ')}.`);
  return role as AdminRole;
}

/** The given password, checked, or a generated one; `shown` says whether to print it. */
function choosePassword(given: string | undefined): { password: string; shown: boolean } {
  if (given === undefined || given === '') return { password: generatePassword(), shown: true };
  if (given.length < MIN_PASSWORD_LENGTH) throw new UsersCommandError(`ADMIN_USER_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long.`, 2);
  return { password: given, shown: false };
}

const passwordLine = (username: string, choice: { password: string; shown: boolean }): string =>
  choice.shown ? `Password for ${username} (shown once, keep it safe): ${choice.password}\n` : 'Password: from ADMIN_USER_PASSWORD.\n';

const day = (date: Date | null): string => (date === null ? '—' : date.toISOString().slice(0, 16).replace('T', ' '));

/** Runs one `admin:users` command; returns what it prints, or throws UsersCommandError. */
export async function runUsersCommand(args: string[], deps: UsersCommandDeps): Promise<string> {
  const [command, name] = args;
  switch (command) {
    case 'add': {
      const username = readUsername(name);
      const role = readRole(args);
      const choice = choosePassword(deps.password);
      const created = await insertOperator((await deps.sessions()).open(), username, role, await hashPassword(choice.password));
      if (!created) throw new UsersCommandError(`${username} exists already: use passwd to change its password.`, 1);
      return `Created ${username} (${role}).\n${passwordLine(username, choice)}`;
    }
    case 'passwd': {
      const username = readUsername(name);
      const choice = choosePassword(deps.password);
      if (!(await updatePassword((await deps.sessions()).open(), username, await hashPassword(choice.password)))) {
        throw new UsersCommandError(`There is no account ${username}: create it with add.`, 1);
      }
      return `New password set for ${username}.\n${passwordLine(username, choice)}`;
    }
    case 'disable': {
      const username = readUsername(name);
      if (!(await disableOperator((await deps.sessions()).open(), username))) throw new UsersCommandError(`There is no account ${username}.`, 1);
      return `Disabled ${username}: it can no longer sign in, and its sessions have ended.\n`;
    }
    case 'list': {
      const accounts = await listOperators((await deps.sessions()).open());
      if (accounts.length === 0) return 'No accounts yet: create one with add <username> --role operator.\n';
      const rows = accounts.map((a) => [a.username, a.role, a.disabled ? 'disabled' : 'active', day(a.createdAt), day(a.lastSignInAt)]);
      const table = [['username', 'role', 'status', 'created (UTC)', 'last sign-in (UTC)'], ...rows];
      const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
      return (
        table
          .map((row) =>
            row
              .map((cell, column) => cell.padEnd(widths[column]!))
              .join('  ')
              .trimEnd(),
          )
          .join('\n') + '\n'
      );
    }
    default:
      throw usage(command === undefined ? 'Name a command.' : `Unknown command "${command}".`);
  }
}
