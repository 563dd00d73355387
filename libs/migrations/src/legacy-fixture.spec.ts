/**
 * The Python release's database (../shared/fixtures/legacy-integration-hub.sql) migrated:
 * every line of the fixture's closing table. Value-level rows are in legacy-fixture-values.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStdout, createEmptyTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { migrationsList } from './migrations';
import { migrateUp } from './migrate-up';
import { installChangeAudit, loadLegacyFixture, logsFingerprint, recordedMigrations, removeChangeAudit, withClient } from './test-support/database';

const SNAPSHOT_SQL = 'select id::text as id, created_at::text as created_at, level, message from integration_logs order by id';
const NORMALISE = 'Migration20250923000100_normalise_legacy_integration_logs';

describe('migrateUp on the legacy fixture', () => {
  let db: TestDatabase;
  let before: Record<string, unknown>[];
  let audit: { rewrites: string[]; rowChanges: string[] };
  let applied: string[];

  beforeAll(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy');
    await loadLegacyFixture(db.url);
    before = await withClient(db.url, async (client) => (await client.query(SNAPSHOT_SQL)).rows);
    await withClient(db.url, installChangeAudit);
    applied = await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    audit = await withClient(db.url, removeChangeAudit);
  });
  afterAll(() => db.drop());

  it('applies every migration, the legacy table being adopted by the baseline', async () => {
    expect(applied).toEqual(migrationsList.map((m) => m.name));
    expect(await withClient(db.url, recordedMigrations)).toEqual(applied);
  });

  it('keeps all 4,010 rows with the same ids, created_at, level and message', async () => {
    expect(before).toHaveLength(4010);
    const after = await withClient(db.url, async (client) => (await client.query(SNAPSHOT_SQL)).rows);
    expect(after).toEqual(before);
  });

  it('rewrites integration_logs once and updates no row', () => {
    expect(audit.rewrites).toEqual(['integration_logs']);
    expect(audit.rowChanges).toEqual([]);
  });

  it('gives the columns the types DESIGN.md names', async () => {
    const columns = await withClient(
      db.url,
      async (client) =>
        (
          await client.query(
            `select column_name, data_type, is_identity, character_maximum_length as length
             from information_schema.columns where table_name = 'integration_logs'`,
          )
        ).rows,
    );
    const byName = Object.fromEntries(columns.map((c) => [c.column_name, c]));
    for (const name of ['run_id', 'request_id', 'job_id']) expect(byName[name]?.data_type).toBe('uuid');
    for (const name of ['payload', 'details']) expect(byName[name]?.data_type).toBe('jsonb');
    expect(byName['job_name']?.data_type).toBe('text');
    expect(byName['source']).toMatchObject({ data_type: 'character varying', length: 64 });
    expect(byName['id']).toMatchObject({ data_type: 'bigint', is_identity: 'YES' });
  });

  it('continues ids after the highest one kept, from the identity alone (the serial sequence is gone)', async () => {
    await withClient(db.url, async (client) => {
      await client.query('begin');
      const inserted = await client.query(`insert into integration_logs (message) values ('after migration') returning id::text`);
      await client.query('rollback');
      expect(inserted.rows[0]?.id).toBe('5001');
      const sequences = await client.query(`select relname from pg_class where relkind = 'S' and relname like 'integration_logs%'`);
      expect(sequences.rows).toEqual([{ relname: 'integration_logs_id_seq' }]);
    });
  });

  it("has the five indexes of the first release and the logs explorer's four, each on its column and valid", async () => {
    const indexes = await withClient(
      db.url,
      async (client) =>
        (
          await client.query(
            `select c.relname as name, i.indisvalid as valid, a.attname as column_name
             from pg_index i join pg_class c on c.oid = i.indexrelid
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = 'integration_logs'::regclass and c.relname like 'ix_%' order by 1`,
          )
        ).rows,
    );
    const columns = ['created_at', 'external_system', 'job_id', 'job_name', 'message', 'request_id', 'run_id', 'status', 'step'];
    expect(indexes).toEqual(
      columns.map((column) => ({
        name: column === 'message' ? 'ix_integration_logs_message_trgm' : `ix_integration_logs_${column}`,
        valid: true,
        column_name: column,
      })),
    );
  });

  it('leaves alembic_version in place and no helper function behind', async () => {
    await withClient(db.url, async (client) => {
      expect((await client.query('select version_num from alembic_version')).rows).toEqual([{ version_num: '20250922000000' }]);
      expect((await client.query(`select proname from pg_proc where proname like 'hub_legacy%'`)).rows).toEqual([]);
    });
  });

  it('leaves nothing between the entities and the schema (empty diff)', async () => {
    const orm = await openTestOrm(db.url);
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('changes nothing when run again, nor when the normalisation itself is re-applied', async () => {
    const fingerprint = await withClient(db.url, logsFingerprint);
    expect(await migrateUp(db.url, captureStdout('migrations', 'info').logger)).toEqual([]);
    await withClient(db.url, (client) => client.query('delete from mikro_orm_migrations where name = $1', [NORMALISE]));
    expect(await migrateUp(db.url, captureStdout('migrations', 'info').logger)).toEqual([NORMALISE]);
    expect(await withClient(db.url, logsFingerprint)).toBe(fingerprint);
  });
});
