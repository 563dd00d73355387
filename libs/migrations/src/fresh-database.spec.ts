/** migrateUp / migrateDown on a new, empty database. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStdout, createEmptyTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { migrationsList } from './migrations';
import { migrateUp } from './migrate-up';
import { migrateDown } from './runner';
import { logsFingerprint, recordedMigrations, schemaFingerprint, withClient } from './test-support/database';

const NAMES = migrationsList.map((m) => m.name);
const NORMALISE = 'Migration20250923000100_normalise_legacy_integration_logs';

describe('migrations on a new database', () => {
  let db: TestDatabase;
  let applied: string[];
  const log = captureStdout('migrations', 'info');

  beforeAll(async () => {
    db = await createEmptyTestDatabase('hub_test_fresh');
    applied = await migrateUp(db.url, log.logger);
  });
  afterAll(() => db.drop());

  it('form one line: unique names, in timestamp order, as listed', () => {
    expect(new Set(NAMES).size).toBe(NAMES.length);
    expect([...NAMES].sort()).toEqual(NAMES);
    expect(NAMES).toContain(NORMALISE);
  });

  it('applies every migration once, in list order, and records them in that order', async () => {
    expect(applied).toEqual(NAMES);
    expect(await withClient(db.url, recordedMigrations)).toEqual(NAMES);
  });

  it('says so when nothing was applied yet, then logs each migration as it is applied', () => {
    const messages = log.lines().map((line) => line['msg']);
    expect(messages[0]).toBe(`No migrations have been applied to this database yet: applying all ${NAMES.length}.`);
    for (const name of NAMES) {
      const applying = messages.indexOf(`Applying migration ${name}`);
      expect(applying).toBeGreaterThan(0);
      expect(messages.indexOf(`Applied migration ${name}`)).toBeGreaterThan(applying);
    }
    expect(messages.at(-1)).toBe(`Applied ${NAMES.length} migration(s); schema is current.`);
  });

  it('creates integration_logs with the column types DESIGN.md names', async () => {
    const columns = await withClient(db.url, schemaFingerprint);
    expect(columns.filter((line) => line.startsWith('integration_logs.'))).toEqual([
      'integration_logs.created_at timestamp with time zone NO',
      'integration_logs.details jsonb NO',
      'integration_logs.elapsed_ms integer NO',
      'integration_logs.external_system character varying NO',
      'integration_logs.id bigint YES',
      'integration_logs.job_id uuid NO',
      'integration_logs.job_name text NO',
      'integration_logs.level character varying NO',
      'integration_logs.message text NO',
      'integration_logs.payload jsonb NO',
      'integration_logs.request_id uuid NO',
      'integration_logs.run_id uuid NO',
      'integration_logs.source character varying NO',
      'integration_logs.status character varying NO',
      'integration_logs.step character varying NO',
    ]);
  });

  it('leaves nothing between the entities and the schema (empty diff)', async () => {
    const orm = await openTestOrm(db.url);
    try {
      expect(await orm.schema.getUpdateSchemaSQL()).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('applies nothing when run again, and says the schema is current', async () => {
    const again = captureStdout('migrations', 'info');
    expect(await migrateUp(db.url, again.logger)).toEqual([]);
    expect(again.lines().map((line) => line['msg'])).toEqual(['Database schema is current: no migrations to apply.']);
  });

  it('reverts the latest migration and applies it again', async () => {
    const latest = NAMES.at(-1) ?? '';
    const current = await withClient(db.url, schemaFingerprint);
    const down = captureStdout('migrations', 'info');
    expect(await migrateDown(db.url, down.logger)).toEqual([latest]);
    expect(down.lines().map((line) => line['msg'])).toContain(`Reverted migration ${latest}`);
    await withClient(db.url, async (client) => {
      expect(await recordedMigrations(client)).toEqual(NAMES.slice(0, -1));
      // Every migration changes the schema, so reverting one must show in it.
      expect(await schemaFingerprint(client)).not.toEqual(current);
    });
    expect(await migrateUp(db.url, captureStdout('migrations', 'info').logger)).toEqual([latest]);
    expect(await withClient(db.url, recordedMigrations)).toEqual(NAMES);
    expect(await withClient(db.url, schemaFingerprint)).toEqual(current);
  });

  it('re-applying the normalisation on this already-normalised table changes nothing', async () => {
    await withClient(db.url, (client) =>
      client.query(`insert into integration_logs (message, run_id, payload) values ('kept', gen_random_uuid(), '{"a": 1}')`),
    );
    const before = await withClient(db.url, async (client) => [await schemaFingerprint(client), await logsFingerprint(client)]);
    await withClient(db.url, (client) => client.query('delete from mikro_orm_migrations where name = $1', [NORMALISE]));
    expect(await migrateUp(db.url, captureStdout('migrations', 'info').logger)).toEqual([NORMALISE]);
    const after = await withClient(db.url, async (client) => [await schemaFingerprint(client), await logsFingerprint(client)]);
    expect(after).toEqual(before);
  });
});
