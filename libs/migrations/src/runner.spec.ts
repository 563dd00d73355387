/** The runner's guarantees: the lock under concurrent starts, unknown and pending migrations, a light start on a current schema. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADVISORY_LOCKS } from '@hub/db';
import { captureStdout, createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '@hub/testing';
import { PendingMigrationsError, UnknownMigrationsError } from './errors';
import { migrationsList } from './migrations';
import { migrateUp } from './migrate-up';
import { migrateDown } from './runner';
import { checkMigrations, migrationStatus } from './status';
import { logsFingerprint, recordedMigrations, REPO_ROOT, schemaFingerprint, withClient } from './test-support/database';

const NAMES = migrationsList.map((m) => m.name);
const FROM_THE_FUTURE = 'Migration20991231000000_from_a_newer_build';

describe('three apps starting at once on a new database', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_concurrent');
  });
  afterEach(() => db.drop());

  it('apply each migration exactly once, and all three start', async () => {
    const results = await Promise.all([1, 2, 3].map(() => migrateUp(db.url, captureStdout('migrations', 'info').logger)));
    expect(results.flat().sort()).toEqual([...NAMES].sort());
    expect(results.filter((applied) => applied.length > 0)).toEqual([NAMES]);
    expect(await withClient(db.url, recordedMigrations)).toEqual(NAMES);
  });

  it('say so when they wait for another process to finish migrating, then go on', async () => {
    await withClient(db.url, async (holder) => {
      await holder.query('select pg_advisory_lock($1::bigint)', [ADVISORY_LOCKS.migrations]);
      const waiting = captureStdout('migrations', 'info');
      const up = migrateUp(db.url, waiting.logger);
      const saidSo = () => waiting.lines().some((line) => line['msg'] === 'Another process is applying migrations: waiting for it to finish.');
      await vi.waitFor(() => expect(saidSo()).toBe(true), { timeout: 10_000 });
      expect(await withClient(db.url, (client) => client.query(`select to_regclass('integration_logs') as t`))).toMatchObject({ rows: [{ t: null }] });
      await holder.query('select pg_advisory_unlock($1::bigint)', [ADVISORY_LOCKS.migrations]);
      expect(await up).toEqual(NAMES);
    });
  });
});

describe('an app starting on a database', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_light_start');
  });
  afterEach(() => db.drop());

  /** migrateUp in a process of its own, as an app's start runs it: what it applied and what it loaded. */
  const startOnce = async (): Promise<{ applied: number; migratorLoaded: boolean }> => {
    const probe = join(REPO_ROOT, 'libs/migrations/src/test-support/migrate-up-probe.ts');
    const { stdout } = await promisify(execFile)(join(REPO_ROOT, 'node_modules/.bin/tsx'), [probe, db.url], { cwd: REPO_ROOT });
    // The migrations' own log lines come first; the probe's answer is the last line.
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as { applied: number; migratorLoaded: boolean };
  };

  it('loads the migrator only when there is something to migrate', async () => {
    expect(await startOnce()).toEqual({ applied: NAMES.length, migratorLoaded: true });
    // Every later start: the status is read over the lock's connection, and the migrator's packages stay unloaded.
    expect(await startOnce()).toEqual({ applied: 0, migratorLoaded: false });
    await withClient(db.url, (client) => client.query('delete from mikro_orm_migrations where name = $1', [NAMES.at(-1)]));
    expect(await startOnce()).toMatchObject({ applied: 1, migratorLoaded: true });
  });
});

describe('a database migrated by a newer build', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('hub_test_unknown');
    await withClient(db.url, (client) => client.query('insert into mikro_orm_migrations (name, executed_at) values ($1, now())', [FROM_THE_FUTURE]));
  });
  afterEach(() => db.drop());

  const snapshot = (url: string): Promise<unknown[]> =>
    withClient(url, async (client) => [await schemaFingerprint(client), await recordedMigrations(client), await logsFingerprint(client)]);

  it('is refused by up, naming the unknown migration and the fix, and left as it was', async () => {
    const before = await snapshot(db.url);
    const refusal = migrateUp(db.url, captureStdout('migrations', 'info').logger);
    await expect(refusal).rejects.toThrow(UnknownMigrationsError);
    await expect(refusal).rejects.toMatchObject({ names: [FROM_THE_FUTURE] });
    await expect(refusal).rejects.toThrow(/Migration20991231000000_from_a_newer_build.*Deploy that build/);
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('is refused by down and by check too', async () => {
    const before = await snapshot(db.url);
    await expect(migrateDown(db.url, captureStdout('migrations', 'info').logger)).rejects.toThrow(UnknownMigrationsError);
    await expect(checkMigrations(db.url)).rejects.toThrow(UnknownMigrationsError);
    expect(await snapshot(db.url)).toEqual(before);
  });

  it('shows up in the status as applied but unknown', async () => {
    expect(await migrationStatus(db.url)).toEqual({ applied: [...NAMES, FROM_THE_FUTURE], pending: [], unknown: [FROM_THE_FUTURE] });
  });
});

describe('checkMigrations', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_check');
  });
  afterEach(() => db.drop());

  it('rejects an unmigrated database, naming every pending migration and the command that applies them', async () => {
    const check = checkMigrations(db.url);
    await expect(check).rejects.toThrow(PendingMigrationsError);
    await expect(check).rejects.toMatchObject({ names: NAMES });
    await expect(check).rejects.toThrow('npm run migrate -- up');
  });

  it('only reads: an unmigrated database is left without even the migrations table', async () => {
    await expect(checkMigrations(db.url)).rejects.toThrow(PendingMigrationsError);
    expect(await migrationStatus(db.url)).toEqual({ applied: [], pending: NAMES, unknown: [] });
    const table = await withClient(db.url, (client) => client.query(`select to_regclass('mikro_orm_migrations') as t`));
    expect(table.rows).toEqual([{ t: null }]);
  });

  it('accepts the database once up has run', async () => {
    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    expect(await checkMigrations(db.url)).toEqual({ applied: NAMES, pending: [], unknown: [] });
  });
});
