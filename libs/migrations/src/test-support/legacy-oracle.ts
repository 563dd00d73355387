/**
 * What the legacy normalisation promises for each value (DESIGN.md "Data", the fixture's
 * table of outcomes), checked row by row against what it did. JSON is judged by PostgreSQL's
 * own jsonb input at the top level; UUIDs and absent values by the uuid input's grammar. Blanks
 * only some locales call whitespace may go either way; ASCII blanks must not.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Client } from 'pg';
import type { ValueOutcome } from '../legacy-logs/value-functions';

export const UUID_COLUMNS = ['run_id', 'request_id', 'job_id'] as const;
export const JSON_COLUMNS = ['payload', 'details'] as const;
type Column = (typeof UUID_COLUMNS)[number] | (typeof JSON_COLUMNS)[number];
export type OutcomeCounts = Record<Column, Record<ValueOutcome, number>>;

/** A row as the legacy table held it (every value as text). */
export type LegacyValues = Record<'id' | Column, string | null>;

const ASCII_BLANK = '[ \\t\\n\\r\\f\\v]';
const ANY_BLANK = '[\\s\\u0085\\u180e\\u200b]';
const UUID_BODY = '[0-9a-fA-F]{4}(-?[0-9a-fA-F]{4}){7}';
const spelled = (blank: string, body: string) => new RegExp(`^${blank}*(${body})${blank}*$`, 'iu');
const STRICT_UUID = spelled(ASCII_BLANK, `${UUID_BODY}|\\{${UUID_BODY}\\}`);
const BROAD_UUID = spelled(ANY_BLANK, `${UUID_BODY}|\\{${UUID_BODY}\\}`);
const STRICT_ABSENT = spelled(ASCII_BLANK, 'none|null|');
const BROAD_ABSENT = spelled(ANY_BLANK, 'none|null|');

/** PostgreSQL's jsonb input, at the top level of a statement: the jsonb text, or REFUSED. */
const REFUSED = '!refused';
const ORACLE_FUNCTION = `create or replace function pg_temp.oracle_jsonb(value text) returns text language plpgsql as $$
  begin return value::jsonb::text; exception when others then return '${REFUSED}'; end $$`;

interface JsonExpectation {
  outcome: ValueOutcome;
  /** jsonb text, or null for SQL NULL. */
  text: string | null;
}

/** Every outcome the design allows for each distinct JSON-bound value. */
async function jsonExpectations(client: Client, values: string[]): Promise<Map<string, JsonExpectation[]>> {
  await client.query(ORACLE_FUNCTION);
  const { rows } = await client.query<{ value: string; parsed: string; as_string: string }>(
    'select value, pg_temp.oracle_jsonb(value) as parsed, to_jsonb(value)::text as as_string from unnest($1::text[]) as value',
    [[...new Set(values)]],
  );
  return new Map(
    rows.map(({ value, parsed, as_string }) => {
      const asValue: JsonExpectation =
        parsed === REFUSED ? { outcome: 'keptAside', text: as_string }
        : parsed === 'null' ? { outcome: 'emptied', text: null }
        : { outcome: 'converted', text: parsed };
      const emptied: JsonExpectation = { outcome: 'emptied', text: null };
      const allowed =
        STRICT_ABSENT.test(value) ? [emptied]
        : BROAD_ABSENT.test(value) ? [emptied, asValue]
        : [asValue];
      return [value, allowed];
    }),
  );
}

/** The canonical spelling of the UUID in `text` (its 32 hex digits). */
function canonicalUuid(text: string): string {
  const hex = text
    .replace(/^[^{0-9a-fA-F]*\{?|\}?[^}0-9a-fA-F]*$/g, '')
    .replaceAll('-', '')
    .toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether an id value's fate is one the design allows: converted only from a UUID spelling, emptied only when absent, otherwise kept. */
function idProblem(value: string, outcome: ValueOutcome, converted: string | null): string | undefined {
  if (outcome === 'converted') return BROAD_UUID.test(value) && converted === canonicalUuid(value) ? undefined : `converted to ${converted}`;
  if (STRICT_UUID.test(value)) return `a UUID spelling was ${outcome}`;
  if (outcome === 'emptied') return BROAD_ABSENT.test(value) ? undefined : 'emptied, though not an absent value';
  return STRICT_ABSENT.test(value) ? 'an absent value was kept aside' : undefined;
}

/** The normalised row as read back for the check. */
interface NormalisedRow extends Record<Column | 'job_name' | 'details_rest', string | null> {
  id: string;
  legacy: Record<string, unknown> | null;
}

const NORMALISED_SQL = `
  select id::text as id, run_id::text as run_id, request_id::text as request_id, job_id::text as job_id, job_name,
         payload::text as payload, details::text as details, details -> '_legacy' as legacy,
         case when jsonb_typeof(details) = 'object' then (details - '_legacy')::text end as details_rest
    from integration_logs where id = any($1::bigint[])`;

/** Checks every row of `before` against the normalised table: problems (empty when all is as designed) and the outcome counts. */
export async function checkNormalisation(client: Client, before: LegacyValues[]): Promise<{ problems: string[]; counts: OutcomeCounts }> {
  const jsonValues = before.flatMap((row) => JSON_COLUMNS.map((c) => row[c]).filter((v): v is string => v !== null));
  const expectations = await jsonExpectations(client, jsonValues);
  const after = new Map((await client.query<NormalisedRow>(NORMALISED_SQL, [before.map((row) => row.id)])).rows.map((row) => [row.id, row]));
  const counts = Object.fromEntries([...UUID_COLUMNS, ...JSON_COLUMNS].map((c) => [c, { converted: 0, emptied: 0, keptAside: 0 }])) as OutcomeCounts;
  const problems: string[] = [];
  for (const original of before) {
    const row = after.get(original.id!);
    const say = (column: string, problem: string, value: unknown) =>
      problems.push(`row ${original.id} ${column}: ${problem} (${JSON.stringify(value)?.slice(0, 200)})`);
    if (!row) {
      say('*', 'row lost', original);
      continue;
    }
    const legacy: Record<string, string> = {};
    for (const column of UUID_COLUMNS) {
      const value = original[column];
      if (value === null) {
        if (row[column] !== null) say(column, 'NULL became a value', row[column]);
        continue;
      }
      const kept = column === 'job_id' ? row.job_name === value : row.legacy?.[column] === value;
      const outcome: ValueOutcome =
        row[column] !== null ? 'converted'
        : kept ? 'keptAside'
        : 'emptied';
      counts[column][outcome] += 1;
      const problem = idProblem(value, outcome, row[column]);
      if (problem) say(column, problem, value);
      if (outcome === 'keptAside' && column !== 'job_id') legacy[column] = value;
    }
    const jobIdKept = original.job_id !== null && row.job_id === null && row.job_name === original.job_id;
    if (row.job_name !== (jobIdKept ? original.job_id : null)) {
      say('job_name', 'holds something other than the job_id text kept aside', row.job_name);
    }
    for (const column of JSON_COLUMNS) {
      const allowed = original[column] === null ? [{ outcome: undefined, text: null }] : (expectations.get(original[column]) ?? []);
      const hasLegacy = column === 'details' && Object.keys(legacy).length > 0;
      const matches = allowed.find(({ text }) => (hasLegacy ? attachedMatches(row, text, legacy) : row[column] === text));
      if (!matches) say(column, `became ${row[column]?.slice(0, 200)}, allowed ${JSON.stringify(allowed.map((a) => a.text?.slice(0, 100)))}`, original[column]);
      else if (matches.outcome !== undefined) counts[column][matches.outcome] += 1;
    }
  }
  return { problems, counts };
}

/** details after ids were kept aside: the object gains "_legacy", anything else is wrapped as {"value": …}. */
function attachedMatches(row: NormalisedRow, expected: string | null, legacy: Record<string, string>): boolean {
  if (!isDeepStrictEqual(row.legacy, legacy)) return false;
  if (expected === null) return row.details_rest === '{}';
  const parsed: unknown = JSON.parse(expected);
  const mergeable = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && !Object.hasOwn(parsed, '_legacy');
  return row.details_rest === (mergeable ? expected : `{"value": ${expected}}`);
}

const LEGACY_VALUES_SQL = `select id::text as id, run_id, request_id, job_id, payload::text as payload, details from integration_logs where id = any($1::int[])`;

/** The legacy values of rows `ids`, as stored (read back, so the check judges what the table held). */
export async function readLegacyValues(client: Client, ids: number[]): Promise<LegacyValues[]> {
  return (await client.query<LegacyValues>(LEGACY_VALUES_SQL, [ids])).rows;
}
