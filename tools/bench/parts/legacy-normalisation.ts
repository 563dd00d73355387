/**
 * P2: the legacy normalisation (Migration20250923000100) of the shared fixture's table, its
 * generator scaled to `rows` rows, against VACUUM FULL of the same table (one plain rewrite
 * with the same indexes) in the same run on the same server. The fixture is loaded once; the
 * floor runs on a copy (CREATE DATABASE … TEMPLATE), the migration on the original.
 */
import { readFile } from 'node:fs/promises';
import { Client } from 'pg';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { round, seconds, type BenchLine } from '../support/lines';
import { createScratchDatabase, withScratchDatabase } from '../support/scratch';

const FIXTURE = new URL('../../../../shared/fixtures/legacy-integration-hub.sql', import.meta.url);
const GENERATOR = 'generate_series(1001, 5000)';
const NORMALISE = 'Migration20250923000100_normalise_legacy_integration_logs';

/** The fixture with its generator writing rows 1001…`rows` (10 hand-written rows besides). */
async function scaledFixture(rows: number): Promise<string> {
  const sql = await readFile(FIXTURE, 'utf8');
  if (!sql.includes(GENERATOR)) throw new Error(`the legacy fixture no longer holds "${GENERATOR}"; update ${import.meta.url}`);
  return sql.replace(GENERATOR, `generate_series(1001, ${rows})`);
}

async function query<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Applies every migration and returns how long the normalisation itself took, from the migrator's own lines. */
async function timeNormalisation(url: string): Promise<number> {
  const marks = new Map<string, number>();
  const logger = createStdoutLogger('bench', 'info', {
    write: (line: string) => {
      const entry = JSON.parse(line) as { migration?: string; msg?: string };
      if (entry.migration === NORMALISE) marks.set(String(entry.msg).split(' ')[0] ?? '', performance.now());
    },
  });
  await migrateUp(url, logger);
  const [from, to] = [marks.get('Applying'), marks.get('Applied')];
  if (from === undefined || to === undefined) throw new Error(`${NORMALISE} was not applied`);
  return seconds(from, to);
}

export async function measureLegacyNormalisation(rows: number): Promise<BenchLine[]> {
  const legacy = await createScratchDatabase('legacy');
  try {
    await query(legacy.url, async (client) => client.query(await scaledFixture(rows)));
    const countRows = (url: string) => query(url, async (client) => Number((await client.query('select count(*) as n from integration_logs')).rows[0].n));
    const before = await countRows(legacy.url);
    const floor = await withScratchDatabase(
      'legacy_vacuum',
      (copy) =>
        query(copy.url, async (client) => {
          const started = performance.now();
          await client.query('vacuum full integration_logs');
          return seconds(started);
        }),
      legacy.name,
    );
    const figure = await timeNormalisation(legacy.url);
    const after = await countRows(legacy.url);
    if (after !== before) throw new Error(`the normalisation kept ${after} of ${before} rows`);
    const ratio = figure / floor;
    return [
      {
        id: 'P2',
        what: `legacy normalisation of ${before.toLocaleString('en')} rows`,
        figure: round(figure),
        unit: 's',
        floor: round(floor),
        ratio: round(ratio),
        goal: '≤ 1.5× VACUUM FULL',
        pass: ratio <= 1.5,
        note: 'floor: VACUUM FULL of a copy of the same table',
      },
    ];
  } finally {
    await legacy.drop();
  }
}
