/**
 * The value helpers give exactly what the first release's helpers gave: a plpgsql block that
 * trims whitespace and tries PostgreSQL's own uuid / jsonb input, catching its error. Those
 * references live only here; the migration tells UUIDs by regular expression and catches
 * JSON errors only where text may be JSON.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { createEmptyTestDatabase, type TestDatabase } from '@hub/testing';
import { uuidSpellings } from '../test-support/legacy-arbitraries';
import { CREATE_VALUE_FUNCTIONS, DROP_VALUE_FUNCTIONS, jsonOutcomeTests, outcomeOf, uuidOutcomeTests } from './value-functions';

const REFERENCES = [
  `create function pg_temp.reference_uuid(value text) returns uuid language plpgsql immutable as $$
   begin return regexp_replace(value, '^\\s+|\\s+$', '', 'g')::uuid;
   exception when invalid_text_representation then return null; end $$`,
  `create function pg_temp.reference_parse(value text) returns jsonb language plpgsql immutable as $$
   begin return value::jsonb;
   exception when invalid_text_representation or untranslatable_character or numeric_value_out_of_range or statement_too_complex
     then return null; end $$`,
  `create function pg_temp.reference_jsonb(value text) returns jsonb language sql stable as $$
   select case when pg_temp.hub_legacy_is_absent(value) then null when parsed = 'null'::jsonb then null
               else coalesce(parsed, to_jsonb(value)) end from pg_temp.reference_parse(value) as parsed $$`,
  `create function pg_temp.reference_outcome(value text) returns text language sql stable as $$
   select case when value is null then null
               when pg_temp.hub_legacy_is_absent(value) or parsed = 'null'::jsonb then 'emptied'
               when parsed is not null then 'converted' else 'keptAside' end
     from pg_temp.reference_parse(value) as parsed $$`,
];

const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\v'), maxLength: 3 });
/** A UUID in any spelling uuid input takes, padded with ASCII blanks. */
const uuidSpelling = uuidSpellings(blank);
/** A UUID spelling broken in one place: one character dropped, replaced or added. */
const brokenUuid = fc
  .tuple(uuidSpelling, fc.nat(), fc.constantFrom('-', '--', '{', '}', 'g', 'x', ' ', '', '0', 'é'), fc.constantFrom('drop', 'replace', 'insert'))
  .map(([text, at, piece, how]) => {
    const i = at % (text.length + 1);
    if (how === 'drop') return text.slice(0, i) + text.slice(i + 1);
    if (how === 'replace') return text.slice(0, i) + piece + text.slice(i + 1);
    return text.slice(0, i) + piece + text.slice(i);
  });
const CANONICAL = '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41';
const UUID_CASES = [
  CANONICAL,
  CANONICAL.toUpperCase(),
  `{${CANONICAL}}`,
  `{${CANONICAL}`,
  `${CANONICAL}}`,
  `${CANONICAL.replaceAll('-', '')}`,
  '3f1c-6e2a-8b4d-4c1e-9a7f-2d5e-8b1c-0a41',
  '3f1c6e2a8-b4d-4c1e-9a7f-2d5e8b1c0a41',
  '3f1c6e2--b4d-4c1e-9a7f-2d5e8b1c0a41',
  `-${CANONICAL}`,
  `${CANONICAL}-`,
  `${CANONICAL.slice(0, 35)}`,
  `${CANONICAL}0`,
  ` \t${CANONICAL}\n`,
  '',
  ' ',
  'None',
  'null',
  'run-7',
  'process_outbox_events_job',
];

const JSON_CASES = [
  '{"a": 1}',
  ' [1, 2]',
  '"text"',
  '42',
  '-1.5e3',
  'true',
  'false',
  'null',
  ' NULL ',
  'None',
  '',
  '  ',
  'nonsense',
  'nullx',
  'trueish',
  'fals',
  '{"unclosed": ',
  '[1,',
  '{"text": "nul\\u0000byte"}',
  '{"name": "caf\\u00e9"}',
  'plain words',
  'Timeout after 30s',
  '-',
  '-x',
  '{"a": 1} trailing',
  '\t{"b": [true, null]}\r\n',
  '1e1000',
  '0x10',
  '"unterminated',
  '{"\\ud800": 1}',
  // JSON numeric cannot hold (the first release aborted on these), and JSON long or deep enough to take the exception block.
  '1e1000000',
  '[-1E-999999]',
  '{"n": 1e131072}',
  '{"n": 1e9999}',
  `${'['.repeat(3000)}${']'.repeat(3000)}`,
  `[${'1,'.repeat(3000)}1]`,
];

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('legacy value helpers against the first release’s', () => {
  let db: TestDatabase;
  let client: Client;
  beforeAll(async () => {
    db = await createEmptyTestDatabase('hub_test_legacy_values_fns');
    client = new Client({ connectionString: db.url });
    await client.connect();
    for (const sql of [...CREATE_VALUE_FUNCTIONS, ...REFERENCES]) await client.query(sql);
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  async function uuidMismatches(values: string[]): Promise<unknown[]> {
    const { rows } = await client.query(
      `select value, pg_temp.hub_legacy_uuid(value) as got, pg_temp.reference_uuid(value) as want,
              ${outcomeOf('value', uuidOutcomeTests('value', 'catch'))} as outcome, pg_temp.hub_legacy_unconverted_text(value) as kept
         from unnest($1::text[]) as value`,
      [values],
    );
    return rows.filter((row) => {
      const absent = /^\s*(none|null|)\s*$/i.test(row.value);
      const outcome =
        row.want !== null ? 'converted'
        : absent ? 'emptied'
        : 'keptAside';
      return row.got !== row.want || row.outcome !== outcome || row.kept !== (outcome === 'keptAside' ? row.value : null);
    });
  }

  it('reads every UUID spelling uuid input takes, and nothing else, as that UUID', async () => {
    expect(await uuidMismatches(UUID_CASES)).toEqual([]);
    const generated = fc.sample(fc.oneof(uuidSpelling, brokenUuid), { numRuns: 3000, seed: 13 });
    expect(await uuidMismatches(generated)).toEqual([]);
  });

  it('casts (the first attempt) as it tells, for every value but text in a UUID’s layout that is no UUID, which fails the cast', async () => {
    const values = [...UUID_CASES, ...fc.sample(fc.oneof(uuidSpelling, brokenUuid), { numRuns: 3000, seed: 13 })];
    const { rows } = await client.query(
      `select value from unnest($1::text[]) as value
        where not (value like '________-____-____-____-____________' and pg_temp.reference_uuid(value) is null)
          and (pg_temp.hub_legacy_uuid_cast(value) is distinct from pg_temp.hub_legacy_uuid(value)
               or pg_temp.hub_legacy_unconverted_text_cast(value) is distinct from pg_temp.hub_legacy_unconverted_text(value))`,
      [values],
    );
    expect(rows).toEqual([]);
    await expect(client.query(`select pg_temp.hub_legacy_uuid_cast('zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz')`)).rejects.toThrow(
      /invalid input syntax for type uuid/,
    );
  });

  it('converts JSON text as before, whether it catches or (for text that parses) casts', async () => {
    const { rows } = await client.query(
      `select value, pg_temp.reference_jsonb(value)::text as want, pg_temp.hub_legacy_jsonb(value)::text as caught,
              pg_temp.reference_outcome(value) as want_outcome, ${outcomeOf('value', jsonOutcomeTests('value', 'text', 'catch'))} as outcome,
              pg_temp.reference_parse(value) is not null or pg_temp.hub_legacy_is_absent(value) as castable
         from unnest($1::text[]) as value`,
      [JSON_CASES],
    );
    expect(rows.filter((row) => row.caught !== row.want || row.outcome !== row.want_outcome)).toEqual([]);
    // For text jsonb takes, the cast gives the same, and the census's prediction says the same; the cast fails the statement for text jsonb refuses.
    const castable: string[] = rows.filter((row) => row.castable).map((row) => row.value);
    const cast = await client.query(
      `select value, pg_temp.hub_legacy_jsonb_cast(value)::text as got, pg_temp.reference_jsonb(value)::text as want,
              ${outcomeOf('value', jsonOutcomeTests('value', 'text', 'predict'))} as outcome, pg_temp.reference_outcome(value) as want_outcome
         from unnest($1::text[]) as value`,
      [castable],
    );
    expect(cast.rows.filter((row) => row.got !== row.want || row.outcome !== row.want_outcome)).toEqual([]);
    await expect(client.query(`select pg_temp.hub_legacy_jsonb_cast('{"unclosed": ')`)).rejects.toThrow(/invalid input syntax for type json/);
  });

  it('converts a json column’s text as before, catching only text jsonb may refuse (a \\u escape, a huge exponent, great length)', async () => {
    // What a json column can hold: text json input takes (jsonb may still refuse a \u escape).
    const jsonTexts = JSON_CASES.filter(isJsonText);
    const { rows } = await client.query(
      `select value, pg_temp.hub_legacy_json_to_jsonb(value::json::text)::text as got, pg_temp.reference_jsonb(value)::text as want,
              ${outcomeOf('value::json::text', jsonOutcomeTests('value::json::text', 'json', 'catch'))} as outcome, pg_temp.reference_outcome(value) as want_outcome
         from unnest($1::text[]) as value`,
      [jsonTexts],
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => row.got !== row.want || row.outcome !== row.want_outcome)).toEqual([]);
  });

  it('drops every helper it creates', async () => {
    for (const sql of DROP_VALUE_FUNCTIONS) await client.query(sql);
    const { rows } = await client.query(`select proname from pg_proc where proname like 'hub_legacy%'`);
    expect(rows).toEqual([]);
  });
});
