import { describe, expect, it } from 'vitest';
import { captureStdout, useTestOrm } from '@hub/testing';
import { ConfigError } from '@hub/runtime';
import { createAdminApp } from '../app';
import { postSignIn } from '../testing/admin-session';
import { unusedLocalUrl } from '../testing/hub-api-stand-in';
import { NoOperatorAccountError, prepareOperatorAccounts } from './start-up-operator';
import { runUsersCommand, UsersCommandError } from './users-command';

describe('admin:users', () => {
  const database = useTestOrm();
  const run = (args: string[], password?: string) => runUsersCommand(args, { sessions: async () => database.sessions, password });
  const signInAnswer = async (username: string, password: string) =>
    (await postSignIn(createAdminApp({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl() }), username, password)).status;

  it('adds an account with a generated password printed once, which then signs in', async () => {
    const output = await run(['add', 'Marina.K', '--role', 'operator']);
    const password = /shown once, keep it safe\): (\S+)/.exec(output)?.[1] ?? '';
    expect(output).toContain('Created marina.k (operator).');
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await signInAnswer('marina.k', password)).toBe(303);
  });

  it('adds a viewer by default, with ADMIN_USER_PASSWORD, and refuses to add it twice', async () => {
    expect(await run(['add', 'ivan'], 'ivans password 1')).toBe('Created ivan (viewer).\nPassword: from ADMIN_USER_PASSWORD.\n');
    await expect(run(['add', 'ivan'], 'another password')).rejects.toThrow('ivan exists already: use passwd to change its password.');
    expect(await signInAnswer('ivan', 'ivans password 1')).toBe(303);
  });

  it('changes a password: the old one stops working', async () => {
    await run(['add', 'petr'], 'old password 123');
    expect(await run(['passwd', 'petr'], 'new password 456')).toContain('New password set for petr.');
    expect(await signInAnswer('petr', 'old password 123')).toBe(401);
    expect(await signInAnswer('petr', 'new password 456')).toBe(303);
  });

  it('disables an account and lists every account with its role and status', async () => {
    await run(['add', 'leaver'], 'leavers password');
    expect(await run(['disable', 'leaver'])).toContain('Disabled leaver');
    expect(await signInAnswer('leaver', 'leavers password')).toBe(401);
    const lines = (await run(['list'])).trim().split('\n');
    expect(lines[0]).toMatch(/^username\s+role\s+status\s+created \(UTC\)\s+last sign-in \(UTC\)$/);
    expect(lines.find((line) => line.startsWith('leaver '))).toMatch(/^leaver\s+viewer\s+disabled\s/);
    expect(lines.find((line) => line.startsWith('marina.k '))).toMatch(/^marina\.k\s+operator\s+active\s.+\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it.each([
    [[], 'Name a command.', 2],
    [['remove', 'x'], 'Unknown command "remove".', 2],
    [['add'], 'Name the account: a username is missing.', 2],
    [['add', 'Марина'], '"Марина" is not a username', 2],
    [['add', 'sam', '--role', 'admin'], '--role must be one of viewer, operator.', 2],
    [['passwd', 'nobody'], 'There is no account nobody: create it with add.', 1],
    [['disable', 'nobody'], 'There is no account nobody.', 1],
  ])('refuses %j naming the problem', async (args, message, exitCode) => {
    const refusal = run(args, 'a long enough password');
    await expect(refusal).rejects.toThrow(UsersCommandError);
    await expect(refusal).rejects.toThrow(message);
    await expect(refusal).rejects.toMatchObject({ exitCode });
  });

  it('refuses a short ADMIN_USER_PASSWORD', async () => {
    await expect(run(['add', 'shorty'], 'short')).rejects.toThrow('ADMIN_USER_PASSWORD must be at least 12 characters long.');
  });
});

describe('the operator account at start', () => {
  const database = useTestOrm();
  const stdout = captureStdout('admin');

  it('refuses a production start with no account, saying how to create one', async () => {
    const start = prepareOperatorAccounts(database.sessions, { username: undefined, password: undefined, production: true }, stdout.logger);
    await expect(start).rejects.toThrow(NoOperatorAccountError);
    // A ConfigError: exitOnStartFailure prints it as its one line, without a stack.
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow('set ADMIN_USERNAME and ADMIN_PASSWORD');
    await expect(start).rejects.toThrow('node dist/apps/admin/users.js add <username> --role operator');
  });

  it('only warns outside production', async () => {
    await prepareOperatorAccounts(database.sessions, { username: undefined, password: undefined, production: false }, stdout.logger);
    expect(stdout.lines().map((line) => line['msg'])).toContainEqual(expect.stringContaining('no operator account yet, so nobody can sign in'));
  });

  it('creates the ADMIN_USERNAME operator, then updates its password and enables it again at the next start', async () => {
    const app = createAdminApp({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl() });
    await prepareOperatorAccounts(database.sessions, { username: 'admin', password: 'first password 1', production: true }, stdout.logger);
    expect((await postSignIn(app, 'admin', 'first password 1')).status).toBe(303);
    await runUsersCommand(['disable', 'admin'], { sessions: async () => database.sessions, password: undefined });
    await prepareOperatorAccounts(database.sessions, { username: 'admin', password: 'second password 2', production: true }, stdout.logger);
    expect((await postSignIn(app, 'admin', 'first password 1')).status).toBe(401);
    expect((await postSignIn(app, 'admin', 'second password 2')).status).toBe(303);
    expect(stdout.lines().map((line) => line['msg'])).toEqual(
      expect.arrayContaining(['operator admin created from ADMIN_USERNAME / ADMIN_PASSWORD', 'operator admin updated from ADMIN_USERNAME / ADMIN_PASSWORD']),
    );
  });
});
