/** `npm run migrate -- …` as a user runs it: a real process, its exit code and what it prints. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyTestDatabase, findFreePort, type TestDatabase } from '@hub/testing';
import { migrationsList } from './migrations';
import { loadLegacyFixture, REPO_ROOT } from './test-support/database';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(databaseUrl: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['libs/migrations/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const NAMES = migrationsList.map((m) => m.name);
const LEGACY_HEADS_MESSAGE = 'Failed to get migration heads';

describe('the migrate CLI', () => {
  let db: TestDatabase;
  const runs: CliRun[] = [];
  const run = async (...args: string[]): Promise<CliRun> => {
    const result = await runCli(db.url, ...args);
    runs.push(result);
    return result;
  };

  beforeAll(async () => {
    db = await createEmptyTestDatabase('hub_test_cli');
    await loadLegacyFixture(db.url);
  });
  afterAll(() => db.drop());

  it('rejects an unknown command with exit 2 and the usage', async () => {
    const result = await run('bogus');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "bogus". Usage: migrate <up|down|status|check>');
  });

  it('rejects a step count that is not a positive whole number with exit 2', async () => {
    const result = await run('down', 'two');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('down takes a positive whole number of steps, not "two"');
  });

  it('check on an unmigrated database exits 1 naming the pending migrations and the fix', async () => {
    const result = await run('check');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Migrations not applied yet: ${NAMES.join(', ')}`);
    expect(result.stderr).toContain('Apply them with `npm run migrate -- up`');
  });

  it('status lists every migration as pending', async () => {
    const result = await run('status');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(NAMES.map((name) => `pending  ${name}`));
  });

  it("up applies them all and logs the legacy table's per-column counts", async () => {
    const result = await run('up');
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const messages = lines.map((line) => line['msg']);
    for (const name of NAMES) expect(messages).toContain(`Applied migration ${name}`);
    expect(messages).toContain(
      'Adopted the legacy Alembic revision 20250922000000: MikroORM migrations carry this database on from it ' +
        '(alembic_version is left in place, unmanaged).',
    );
    expect(lines.find((line) => line['counts'] !== undefined)?.['counts']).toEqual({
      run_id: { converted: 4005, emptied: 2, keptAside: 1 },
      request_id: { converted: 2, emptied: 2, keptAside: 0 },
      job_id: { converted: 3922, emptied: 1, keptAside: 82 },
      payload: { converted: 4008, emptied: 1, keptAside: 0 },
      details: { converted: 3434, emptied: 2, keptAside: 573 },
    });
  });

  it('then status shows them applied and check exits 0', async () => {
    const status = await run('status');
    expect(status.stdout.trim().split('\n')).toEqual(NAMES.map((name) => `applied  ${name}`));
    const check = await run('check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`Schema is current: ${NAMES.length} migration(s) applied, none pending.`);
  });

  it('down reverts the latest migration and reports it', async () => {
    const result = await run('down');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Reverted 1: ${NAMES.at(-1)}`);
  });

  it(`never prints "${LEGACY_HEADS_MESSAGE}"`, () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const { stdout, stderr } of runs) expect(stdout + stderr).not.toContain(LEGACY_HEADS_MESSAGE);
  });
});

describe('the migrate CLI on a DATABASE_URL nobody answers', () => {
  it('exits 1 naming the server and the fix, without a stack trace or the password', async () => {
    const result = await runCli(`postgres://hub:s3cret-pw@127.0.0.1:${await findFreePort()}/integration_hub`, 'up');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^migrate up failed: Cannot connect to PostgreSQL at hub@127\.0\.0\.1:\d+\/integration_hub: /);
    expect(result.stderr).toContain('correct the host and port in DATABASE_URL');
    expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
    expect(result.stdout).not.toContain('stack');
  });
});
