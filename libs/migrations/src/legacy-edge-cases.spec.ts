/** Legacy values the fixture lacks, a half-migrated table, and a table too unlike the legacy one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureStdout, createEmptyTestDatabase, type TestDatabase } from '@hub/testing';
import type { StdoutLogger } from '@hub/logging';
import type { Client } from 'pg';
import { MigrationRunFailedError } from './errors';
import { normaliseLegacyLogs } from './legacy-logs/normalise';
import type { ColumnCounts } from './legacy-logs/value-counts';
import { UnexpectedLogsTableError } from './legacy-logs/plan';
import { migrateUp } from './migrate-up';
import { logsFingerprint, recordedMigrations, schemaFingerprint, withClient } from './test-support/database';
import { EDGE_ROWS, EXPECTED_COUNTS, EXPECTED_ROWS, LEGACY_TABLE_SQL, type LegacyRow } from './test-support/legacy-edge-cases';

const ROWS_SQL = `select id::int as id, run_id, request_id, job_id, job_name, payload::text as payload, details::text as details
                    from integration_logs order by id`;

async function insertLegacyRows(client: Client, rows: LegacyRow[]): Promise<void> {
  for (const row of rows) {
    await client.query(
      `insert into integration_logs (id, message, run_id, request_id, job_id, payload, details)
       values ($1, 'edge case', $2, $3, $4, $5, $6)`,
      [row.id, row.run_id ?? null, row.request_id ?? null, row.job_id ?? null, row.payload ?? null, row.details ?? null],
    );
  }
}

/** The normalisation of the database at `url` in a transaction rolled back: its counts, and nothing changed. */
function normaliseRolledBack(url: string, logger: StdoutLogger): Promise<ColumnCounts | null> {
  return withClient(url, async (client) => {
    await client.query('begin');
    try {
      return await normaliseLegacyLogs(async (sql) => (await client.query(sql)).rows, logger);
    } finally {
      await client.query('rollback');
    }
  });
}

/** Every error in `error`'s cause chain (the migrator wraps what a migration throws). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current !== undefined; current = (current as { cause?: unknown }).cause) chain.push(current);
  return chain;
}

describe('normalising legacy values the fixture does not hold', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_edges');
    await withClient(db.url, async (client) => {
      await client.query(LEGACY_TABLE_SQL);
      await insertLegacyRows(client, EDGE_ROWS);
    });
  });
  afterEach(() => db.drop());

  it('counts per column what converts, what is emptied and what is kept aside, and a rollback leaves nothing changed', async () => {
    const captured = captureStdout('migrations', 'info');
    const before = await withClient(db.url, logsFingerprint);
    const counts = await normaliseRolledBack(db.url, captured.logger);
    expect(counts).toEqual(EXPECTED_COUNTS);
    const line = captured.lines().find((entry) => entry['counts'] !== undefined);
    expect(line?.['counts']).toEqual(EXPECTED_COUNTS);
    expect(line?.['level']).toBe('INFO');
    expect(line?.['msg']).toContain('run_id: 2 converted, 2 emptied, 3 kept in details._legacy');
    expect(line?.['msg']).toContain('job_id: 1 converted, 2 emptied, 1 moved to job_name');
    expect(await withClient(db.url, logsFingerprint)).toBe(before);
  });

  it('converts braces, upper case, missing or extra hyphens and padding; empties blanks and any-case None/NULL', async () => {
    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    const rows = await withClient(db.url, async (client) => (await client.query(ROWS_SQL)).rows);
    expect(rows).toEqual(EXPECTED_ROWS);
  });
});

describe('normalising a table that already has job_name', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_job_name');
    await withClient(db.url, async (client) => {
      await client.query(LEGACY_TABLE_SQL);
      await client.query('alter table integration_logs add column job_name text');
      await client.query(`insert into integration_logs (id, message, job_id, job_name) values
        (1, 'two names', 'nightly_export_job', 'process_outbox_events_job'),
        (2, 'same name', 'nightly_export_job', 'nightly_export_job'),
        (3, 'name only in job_id', 'nightly_export_job', null)`);
    });
  });
  afterEach(() => db.drop());

  it('never overwrites a job_name: a different job_id text is kept under details._legacy', async () => {
    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    const rows = await withClient(db.url, async (client) => (await client.query(ROWS_SQL)).rows);
    expect(rows.map(({ id, job_id, job_name, details }) => ({ id, job_id, job_name, details }))).toEqual([
      { id: 1, job_id: null, job_name: 'process_outbox_events_job', details: '{"_legacy": {"job_id": "nightly_export_job"}}' },
      { id: 2, job_id: null, job_name: 'nightly_export_job', details: null },
      { id: 3, job_id: null, job_name: 'nightly_export_job', details: null },
    ]);
  });
});

describe('a table unlike the Python release’s', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_unexpected');
    await withClient(db.url, async (client) => {
      await client.query(LEGACY_TABLE_SQL);
      await client.query('alter table integration_logs drop column details');
      await client.query(`insert into integration_logs (id, message, run_id) values (1, 'kept as it is', 'run-1')`);
    });
  });
  afterEach(() => db.drop());

  it('is refused with an error naming the missing column, and nothing is applied or changed', async () => {
    // mikro_orm_migrations itself appears (the migrator creates it first); everything else stays.
    const shape = async (client: Client) => [
      (await schemaFingerprint(client)).filter((line) => !line.includes('mikro_orm_migrations')),
      await logsFingerprint(client),
    ];
    const before = await withClient(db.url, shape);
    const error = await migrateUp(db.url, captureStdout('migrations', 'info').logger).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(MigrationRunFailedError);
    expect(causeChain(error).some((e) => e instanceof UnexpectedLogsTableError)).toBe(true);
    expect(String((error as Error).message)).toContain('integration_logs has no column(s) details');
    expect(String((error as Error).message)).toContain('Nothing was applied');
    await withClient(db.url, async (client) => {
      expect(await recordedMigrations(client)).toEqual([]);
      expect(await shape(client)).toEqual(before);
    });
  });
});

/**
 * Found by the legacy property test (legacy-property.resilience.ts): json input checks only the
 * syntax, so a json column holds numbers numeric cannot (jsonb refuses them), and a text column
 * holds JSON nested deeper than jsonb's parser can go. Each aborted the whole migration.
 */
describe('legacy JSON that jsonb refuses though the legacy columns held it', () => {
  const DEEP = `${'['.repeat(40_000)}${']'.repeat(40_000)}`;
  const LONG_PLAIN = `[${'1,'.repeat(3_000)}1]`;
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_refused_json');
    await withClient(db.url, async (client) => {
      await client.query(LEGACY_TABLE_SQL);
      await client.query(
        `insert into integration_logs (id, message, payload, details) values
           (1, 'huge exponent', '1e1000000', '[-1E-999999]'),
           (2, 'beyond numeric', '{"n": 1e131072}', $1),
           (3, 'representable', '{"n": 1e9999}', $2)`,
        [DEEP, LONG_PLAIN],
      );
    });
  });
  afterEach(() => db.drop());

  it('keeps such text as a JSON string, converts the rest, and the migration completes', async () => {
    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    const rows = await withClient(
      db.url,
      async (client) =>
        (
          await client.query(
            `select id::int as id, jsonb_typeof(payload) as payload_type, payload #>> '{}' as payload_text,
                jsonb_typeof(details) as details_type, details #>> '{}' as details_text
           from integration_logs order by id`,
          )
        ).rows,
    );
    expect(rows).toEqual([
      { id: 1, payload_type: 'string', payload_text: '1e1000000', details_type: 'string', details_text: '[-1E-999999]' },
      { id: 2, payload_type: 'string', payload_text: '{"n": 1e131072}', details_type: 'string', details_text: DEEP },
      { id: 3, payload_type: 'object', payload_text: `{"n": 1${'0'.repeat(9999)}}`, details_type: 'array', details_text: LONG_PLAIN.replaceAll(',', ', ') },
    ]);
  });
});

/**
 * The normalisation first casts text in a UUID's 8-4-4-4-12 layout without checking its digits
 * (see value-functions.ts, `Parse`): text in that layout that is no UUID must fail that attempt
 * and be kept aside by the second, like any other text that is no UUID.
 */
describe('text in a UUID’s layout that is no UUID', () => {
  const NOT_HEX = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz';
  const JOB_NAME = 'nightly_-expo-rt_j-ob__-job_00000001';
  const UUID = '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41';
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_uuid_layout');
    await withClient(db.url, async (client) => {
      await client.query(LEGACY_TABLE_SQL);
      await insertLegacyRows(client, [
        { id: 1, run_id: NOT_HEX, job_id: JOB_NAME, details: '{"a": 1}' },
        { id: 2, run_id: UUID, job_id: UUID, payload: '{"b": 2}' },
      ]);
    });
  });
  afterEach(() => db.drop());

  it('is kept aside (run ids in details._legacy, job names in job_name), counted so, and the migration completes', async () => {
    const captured = captureStdout('migrations', 'info');
    const counts = await normaliseRolledBack(db.url, captured.logger);
    expect(counts).toMatchObject({ run_id: { converted: 1, emptied: 0, keptAside: 1 }, job_id: { converted: 1, emptied: 0, keptAside: 1 } });
    const refused = captured.lines().find((line) => line['refused'] !== undefined);
    expect(refused?.['msg']).toBe('A legacy integration_logs value refused a straight cast: normalising value by value instead.');
    expect(refused?.['refused']).toContain('invalid input syntax for type uuid');

    await migrateUp(db.url, captureStdout('migrations', 'info').logger);
    const rows = await withClient(db.url, async (client) => (await client.query(ROWS_SQL)).rows);
    expect(rows).toEqual([
      {
        id: 1,
        run_id: null,
        request_id: null,
        job_id: null,
        job_name: JOB_NAME,
        payload: null,
        details: `{"a": 1, "_legacy": {"run_id": "${NOT_HEX}"}}`,
      },
      { id: 2, run_id: UUID, request_id: null, job_id: UUID, job_name: null, payload: '{"b": 2}', details: null },
    ]);
  });
});
