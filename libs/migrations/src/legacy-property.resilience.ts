/**
 * The legacy normalisation over generated legacy rows (any text the VARCHAR/TEXT columns hold,
 * any JSON the json column holds), added to the real legacy database (the shared fixture): it
 * never aborts, loses no row, does to each value what the design says, counts what it did
 * truthfully, and a second run changes nothing.
 */
import fc from 'fast-check';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStdout, createDatabase, createEmptyTestDatabase, dropDatabase, uniqueDatabaseName, type TestDatabase } from '@hub/testing';
import { normaliseLegacyLogs } from './legacy-logs/normalise';
import { migrateUp } from './migrate-up';
import { loadLegacyFixture, schemaFingerprint, withClient } from './test-support/database';
import { legacyRow, type GeneratedLegacyRow } from './test-support/legacy-arbitraries';
import { checkNormalisation, readLegacyValues, type OutcomeCounts } from './test-support/legacy-oracle';

/** Each run clones the fixture, adds up to MAX_ROWS rows, migrates twice and checks: a few seconds a run. */
const RUNS = 25;
const MAX_ROWS = 40;
/** Above the fixture's ids (1–5000). */
const FIRST_ID = 100_000;
const COLUMNS = [
  'created_at',
  'level',
  'message',
  'run_id',
  'request_id',
  'job_id',
  'step',
  'status',
  'external_system',
  'elapsed_ms',
  'payload',
  'details',
] as const;
/** What a json column refuses on insert: such text is no value the legacy table could hold. */
const REFUSED_BY_COLUMN = new Set(['22P02', '22P05', '54001']);

/** Inserts the rows with ids from FIRST_ID; returns the ids stored and how many the json column refused. */
async function insertRows(client: Client, rows: GeneratedLegacyRow[]): Promise<{ ids: number[]; refused: number }> {
  const ids: number[] = [];
  const sql = `insert into integration_logs (id, ${COLUMNS.join(', ')}) values ($1, ${COLUMNS.map((_, i) => `$${i + 2}`).join(', ')})`;
  for (const [index, row] of rows.entries()) {
    try {
      await client.query(sql, [FIRST_ID + index, ...COLUMNS.map((column) => row[column])]);
      ids.push(FIRST_ID + index);
    } catch (error) {
      if (!REFUSED_BY_COLUMN.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
  return { ids, refused: rows.length - ids.length };
}

/** The per-column counts the normalisation logs for the database at `url`, found in a transaction rolled back. */
async function loggedCounts(url: string): Promise<OutcomeCounts> {
  const captured = captureStdout('migrations', 'info');
  await withClient(url, async (client) => {
    await client.query('begin');
    try {
      await normaliseLegacyLogs(async (sql) => (await client.query(sql)).rows, captured.logger);
    } finally {
      await client.query('rollback');
    }
  });
  return captured.lines().find((line) => line['counts'] !== undefined)?.['counts'] as OutcomeCounts;
}

function minus(all: OutcomeCounts, part: OutcomeCounts): OutcomeCounts {
  return Object.fromEntries(
    Object.entries(all).map(([column, counts]) => [
      column,
      Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n - part[column as keyof OutcomeCounts][k as 'converted']])),
    ]),
  ) as OutcomeCounts;
}

/** Every table's row count and rows (md5), every sequence's position, and the schema. */
async function fullDump(client: Client): Promise<unknown> {
  const { rows: tables } = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const contents = [];
  for (const { name } of tables) {
    const { rows } = await client.query(`select count(*)::int as n, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from "${name}" as t`);
    contents.push({ name, ...rows[0] });
  }
  const sequences = (await client.query("select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1")).rows;
  return { contents, sequences, schema: await schemaFingerprint(client) };
}

/** Rows per legacy table, and the columns the normalisation must not touch, for every row. */
async function keptAsIs(client: Client): Promise<unknown> {
  const { rows } = await client.query(`
    select (select count(*)::int from alembic_version) as alembic_rows, count(*)::int as log_rows,
           md5(string_agg(row(id, created_at, level, message, step, status, external_system, elapsed_ms)::text, E'\\n' order by id)) as untouched
      from integration_logs`);
  return rows[0];
}

describe('the legacy normalisation over generated legacy rows', () => {
  let template: TestDatabase;
  let fixtureCounts: OutcomeCounts;
  /** Each background drop: undefined, or why it failed. */
  const drops: Array<Promise<unknown>> = [];
  beforeAll(async () => {
    template = await createEmptyTestDatabase('hub_test_legacy_prop_tpl');
    await loadLegacyFixture(template.url);
    fixtureCounts = await loggedCounts(template.url);
  });
  afterAll(async () => {
    const failed = (await Promise.all(drops)).filter((error) => error !== undefined);
    await template?.drop();
    if (failed.length > 0) throw new Error(`could not drop ${failed.length} run database(s): ${String(failed[0])}`);
  });

  it(`${RUNS} legacy databases: never aborts, loses no row, converts as designed, counts truly; a second run changes nothing`, async () => {
    const totals = { runs: 0, rows: 0, refused: 0, outcomes: {} as Record<string, number> };
    await fc.assert(
      fc.asyncProperty(fc.array(legacyRow, { minLength: 10, maxLength: MAX_ROWS }), async (rows) => {
        const name = uniqueDatabaseName('hub_test_legacy_prop');
        const url = await createDatabase(template.serverUrl, name, template.name);
        try {
          const { ids, refused, before, shape } = await withClient(url, async (client) => {
            const inserted = await insertRows(client, rows);
            return { ...inserted, before: await readLegacyValues(client, inserted.ids), shape: await keptAsIs(client) };
          });
          const logged = minus(await loggedCounts(url), fixtureCounts);

          await migrateUp(url, captureStdout('migrations', 'warn').logger);
          const firstDump = await withClient(url, async (client) => {
            expect(await keptAsIs(client)).toEqual(shape);
            const { problems, counts } = await checkNormalisation(client, before);
            expect(problems).toEqual([]);
            expect(counts).toEqual(logged);
            for (const [column, byOutcome] of Object.entries(counts)) {
              for (const [outcome, n] of Object.entries(byOutcome))
                totals.outcomes[`${column} ${outcome}`] = (totals.outcomes[`${column} ${outcome}`] ?? 0) + n;
            }
            return fullDump(client);
          });
          // Again: the normalisation itself finds nothing to do, and the migrations apply nothing.
          const again = await withClient(url, async (client) => {
            await client.query('begin');
            const counts = await normaliseLegacyLogs(async (sql) => (await client.query(sql)).rows, captureStdout('migrations', 'warn').logger);
            await client.query('commit');
            return counts;
          });
          expect(again).toBeNull();
          expect(await migrateUp(url, captureStdout('migrations', 'warn').logger)).toEqual([]);
          expect(await withClient(url, fullDump)).toEqual(firstDump);
          totals.runs += 1;
          totals.rows += ids.length;
          totals.refused += refused;
        } finally {
          // Dropped in the background (a drop waits for a checkpoint): the next run need not wait.
          drops.push(
            dropDatabase(template.serverUrl, name).then(
              () => undefined,
              (error: unknown) => error,
            ),
          );
        }
      }),
      { numRuns: RUNS },
    );
    process.stdout.write(
      `legacy property: ${totals.runs} runs, ${totals.rows} generated rows normalised on top of the fixture's 4010 (${totals.refused} generated json texts the json column refused), ` +
        `0 aborts, 0 rows lost, second run changed nothing; outcomes ${JSON.stringify(totals.outcomes)}\n`,
    );
    expect(totals.runs).toBe(RUNS);
  });
});
