/**
 * SQL helpers that classify and convert one legacy `integration_logs` value. They live in
 * `pg_temp` (this session only, dropped again at the end of the migration).
 *
 * Cost is what shapes them (1,000,000 rows: issue 13, P2). The SQL ones are single
 * expressions, so PostgreSQL inlines them into the rewrite's USING expressions instead of
 * calling a function per value. UUIDs are told by regular expressions alone: PostgreSQL 15
 * has no `pg_input_is_valid`, but the uuid input function's grammar is small (below), so no
 * exception block is needed for them. JSON is not a regular language: text that may be JSON
 * still goes through one plpgsql exception block, which costs a subtransaction, but only
 * then; text that cannot start a JSON value, and a `json` column's plain text (`plainJson`:
 * no `\u` escape, huge exponent or great length, all jsonb may refuse), never enter one. Functions without an
 * exception block are PARALLEL SAFE, so the counting scan may use parallel workers (a
 * subtransaction cannot run in one).
 */

/** What happens to one non-NULL legacy value, as the counts and `outcomeOf` name it. */
export const VALUE_OUTCOMES = ['converted', 'emptied', 'keptAside'] as const;
export type ValueOutcome = (typeof VALUE_OUTCOMES)[number];

const [CONVERTED, EMPTIED, KEPT_ASIDE] = VALUE_OUTCOMES;

/** The column types a legacy JSON value comes from: `json` text is valid JSON already. */
export type JsonSourceType = 'json' | 'text';
/** A column's JSON source type from its catalogue type. */
export const jsonSource = (dataType: string): JsonSourceType => (dataType === 'json' ? 'json' : 'text');
/**
 * How a rewrite reads legacy values. `catch`: every value is told first (UUIDs by pattern) or
 * parsed in a plpgsql exception block (JSON), so none can fail it. `cast`: values that look
 * well formed go straight to PostgreSQL's input functions (text in a UUID's 8-4-4-4-12 layout to
 * uuid, text that may be JSON to jsonb), which fails the statement at a value they refuse: the
 * normalisation's first attempt, then made again with `catch` (see normalise.ts).
 */
export type Parse = 'catch' | 'cast';

/** `value` (text) as a uuid, or NULL when text is absent or not a UUID. */
export const toUuid = (value: string, parse: Parse = 'catch'): string => `pg_temp.hub_legacy_uuid${parse === 'cast' ? '_cast' : ''}(${value})`;
/** `value` (text) when it is neither absent nor a UUID: the text to keep aside. */
export const unconvertedText = (value: string, parse: Parse = 'catch'): string =>
  `pg_temp.hub_legacy_unconverted_text${parse === 'cast' ? '_cast' : ''}(${value})`;
/** `value` (text) as jsonb: NULL when absent or JSON null; a JSON string when jsonb rejects it. */
export const toJsonb = (value: string, source: JsonSourceType = 'text', parse: Parse = 'catch'): string =>
  parse === 'cast' ? `pg_temp.hub_legacy_jsonb_cast(${value})`
  : source === 'json' ? `pg_temp.hub_legacy_json_to_jsonb(${value})`
  : `pg_temp.hub_legacy_jsonb(${value})`;
/**
 * How the counting scan tells a non-NULL value's outcome: `converts` and `empties` are
 * disjoint conditions on it; a value meeting neither is kept aside. Plain conditions rather
 * than one function answering the outcome, so the scan is a plain aggregate, which
 * PostgreSQL runs in parallel workers (a GROUP BY over an outcome expression it estimates to
 * have as many groups as the column has values, and then plans no worker).
 */
export interface OutcomeTests {
  converts: string;
  empties: string;
}
/**
 * How the counting scan treats values a `cast` rewrite casts straight: `predict` counts them as
 * converted without checking (text in a UUID's layout, text that may be JSON), for that
 * rewrite, which fails where the prediction was wrong; `catch` checks each, as a `catch`
 * rewrite does (the hex digits of a UUID, JSON parsed in an exception block).
 */
export type Census = 'predict' | 'catch';

/** Neither absent nor JSON null: text starting with { or [ (a JSON object or array) skips the absence test. */
const emptiesJson = (value: string): string => `(ascii(${value}) not in (123, 91) and pg_temp.hub_legacy_is_absent(${value}))`;

/** The outcome tests of a text value bound for a uuid column. */
export function uuidOutcomeTests(value: string, census: Census): OutcomeTests {
  if (census === 'catch') return { converts: `pg_temp.hub_legacy_is_uuid(${value})`, empties: `pg_temp.hub_legacy_is_absent(${value})` };
  const layout = `${value} like '${CANONICAL_LAYOUT}'`;
  return {
    converts: `(case when ${layout} then true else pg_temp.hub_legacy_is_uuid(${value}) end)`,
    empties: `(case when ${layout} then false else pg_temp.hub_legacy_is_absent(${value}) end)`,
  };
}
/** The outcome tests of a text value bound for a jsonb column (absent text and JSON null are emptied). */
export function jsonOutcomeTests(value: string, source: JsonSourceType, census: Census): OutcomeTests {
  const parses = `pg_temp.hub_legacy_parses_as_jsonb(${value})`;
  const empties = emptiesJson(value);
  if (source === 'json') {
    // Every json text jsonb takes converts; predicted, all but the absent do.
    return { empties, converts: census === 'predict' ? `not ${empties}` : `not ${empties} and (${plainJson(value)} or ${parses})` };
  }
  const mayBeJson = `pg_temp.hub_legacy_may_be_json(${value})`;
  return { empties, converts: `not ${empties} and ${mayBeJson}${census === 'predict' ? '' : ` and ${parses}`}` };
}
/** One value's outcome from its tests, as VALUE_OUTCOMES spells it (NULL for NULL): how the specs read the tests. */
export const outcomeOf = (value: string, tests: OutcomeTests): string =>
  `case when ${value} is null then null when ${tests.converts} then '${CONVERTED}' when ${tests.empties} then '${EMPTIED}' else '${KEPT_ASIDE}' end`;
/** `details` (jsonb) with the `legacy` object attached under "_legacy" (see the function). */
export const attachLegacy = (details: string, legacy: string): string => `pg_temp.hub_legacy_attach(${details}, ${legacy})`;

/**
 * Every spelling PostgreSQL's uuid input accepts (string_to_uuid in src/backend/utils/adt/uuid.c):
 * 32 hex digits, a hyphen allowed after any group of four but the last, the whole optionally
 * in braces. Surrounding whitespace is trimmed first (a padded UUID is still that UUID).
 * Character ranges are code points, not collation-dependent.
 */
const HEX = '[0-9a-fA-F]';
const UUID_BODY = `${HEX}{4}(-?${HEX}{4}){7}`;
const ANY_UUID_SPELLING = `^\\s*(${UUID_BODY}|\\{${UUID_BODY}\\})\\s*$`;
/**
 * The canonical 8-4-4-4-12 spelling, told without the pattern above (whose bounded
 * repetitions cost PostgreSQL's regex engine about 1.5 µs a value): the hyphens in their four
 * places by LIKE, nothing but hex digits and hyphens, and no fifth hyphen.
 */
const CANONICAL_LAYOUT = '________-____-____-____-____________';
const CANONICAL_UUID = `value like '${CANONICAL_LAYOUT}' and value ~ '^[-0-9a-fA-F]*$' and value not like '%-%-%-%-%-%'`;

/**
 * Every way jsonb input refuses text: not JSON (22P02), a \u escape it cannot store (22P05), a
 * number numeric cannot hold (22003: an exponent beyond about ±16,000), nesting deeper than the
 * stack (54001), a value beyond jsonb's limits (54000). json input checks only the syntax, so a
 * json column holds all but the first.
 */
const JSON_REFUSALS =
  'invalid_text_representation or untranslatable_character or numeric_value_out_of_range or statement_too_complex or program_limit_exceeded';
/**
 * json text jsonb surely takes: no \u escape, no exponent of five digits or more, and short
 * enough (4,096 characters) that neither its digits nor its nesting reach numeric's scale or the
 * stack's depth (an exponent of four digits plus 4,096 digits stays below numeric's 16,383
 * decimal places). Anything else goes through the exception block.
 */
const plainJson = (value: string): string => `strpos(${value}, '\\u') = 0 and length(${value}) <= 4096 and ${value} !~ '[eE][-+]{0,1}[0-9]{5}'`;

/** Creates the helpers, in dependency order (SQL function bodies are checked at creation). */
export const CREATE_VALUE_FUNCTIONS: readonly string[] = [
  // '', blanks, and Python's None / JSON's null written as text, in any case: absent values.
  // No question marks anywhere in this SQL: knex would take them for bind parameters.
  `create function pg_temp.hub_legacy_is_absent(value text) returns boolean
     language sql immutable parallel safe as $$ select value ~* '^\\s*(none|null|)\\s*$' $$`,
  // Telling is cheaper than converting: only the uuid column itself pays for the cast.
  `create function pg_temp.hub_legacy_is_uuid(value text) returns boolean
     language sql immutable parallel safe as $$
     select case when ${CANONICAL_UUID} then true else value ~ '${ANY_UUID_SPELLING}' end $$`,
  `create function pg_temp.hub_legacy_uuid(value text) returns uuid
     language sql immutable parallel safe as $$
     select case when ${CANONICAL_UUID} then value::uuid
                 when value ~ '${ANY_UUID_SPELLING}' then regexp_replace(value, '^\\s+|\\s+$', '', 'g')::uuid end $$`,
  `create function pg_temp.hub_legacy_unconverted_text(value text) returns text
     language sql immutable parallel safe as $$
     select case when value is null or pg_temp.hub_legacy_is_uuid(value) or pg_temp.hub_legacy_is_absent(value) then null
                 else value end $$`,
  // The first attempt's: text in the canonical layout is cast without the hex check, so uuid
  // input refuses what is not hex (failing the attempt); any other text is told as above.
  `create function pg_temp.hub_legacy_uuid_cast(value text) returns uuid
     language sql immutable parallel safe as $$
     select case when value like '${CANONICAL_LAYOUT}' then value::uuid else pg_temp.hub_legacy_uuid(value) end $$`,
  `create function pg_temp.hub_legacy_unconverted_text_cast(value text) returns text
     language sql immutable parallel safe as $$
     select case when value like '${CANONICAL_LAYOUT}' then null else pg_temp.hub_legacy_unconverted_text(value) end $$`,
  // jsonb's parser skips only these four whitespace characters, then needs one of these to
  // start a value (true, false, null, a number, string, array or object); anything else is
  // refused at once, so such text is no JSON and needs no parse attempt.
  `create function pg_temp.hub_legacy_may_be_json(value text) returns boolean
     language sql immutable parallel safe as $$ select value ~ '^[ \\t\\n\\r]*[-[{"0-9tfn]' $$`,
  // The one exception block: JSON null as NULL, text jsonb refuses (not JSON at all, or JSON
  // it cannot store, \u0000) as a JSON string of the text.
  `create function pg_temp.hub_legacy_parse_jsonb(value text) returns jsonb
     language plpgsql immutable as $$
     begin
       return nullif(value::jsonb, 'null'::jsonb);
     exception when ${JSON_REFUSALS} then
       return to_jsonb(value);
     end $$`,
  // Stable, as to_jsonb is: an immutable SQL function calling it would not be inlined. Text
  // starting with { or [ is neither absent nor JSON null, so it goes straight to the parse.
  `create function pg_temp.hub_legacy_jsonb(value text) returns jsonb
     language sql stable as $$
     select case when ascii(value) in (123, 91) then pg_temp.hub_legacy_parse_jsonb(value)
                 when value is null or pg_temp.hub_legacy_is_absent(value) then null
                 when not pg_temp.hub_legacy_may_be_json(value) then to_jsonb(value)
                 else pg_temp.hub_legacy_parse_jsonb(value) end $$`,
  // A json column's text is valid JSON; jsonb refuses only what plainJson rules out: such text goes to the parse.
  `create function pg_temp.hub_legacy_json_to_jsonb(value text) returns jsonb
     language sql immutable as $$
     select case when value is null or pg_temp.hub_legacy_is_absent(value) then null
                 when ${plainJson('value')} then value::jsonb
                 else pg_temp.hub_legacy_parse_jsonb(value) end $$`,
  // The same result without the exception block, for the first attempt: a value jsonb refuses
  // fails the statement instead of becoming a JSON string.
  `create function pg_temp.hub_legacy_jsonb_cast(value text) returns jsonb
     language sql stable parallel safe as $$
     select case when ascii(value) in (123, 91) then value::jsonb
                 when value is null or pg_temp.hub_legacy_is_absent(value) then null
                 when not pg_temp.hub_legacy_may_be_json(value) then to_jsonb(value)
                 else value::jsonb end $$`,
  // Whether jsonb takes the text. A plain expression, not PERFORM (which plans a query).
  `create function pg_temp.hub_legacy_parses_as_jsonb(value text) returns boolean
     language plpgsql immutable as $$
     begin
       return value::jsonb is not null;
     exception when ${JSON_REFUSALS} then
       return false;
     end $$`,
  // An object without "_legacy" gains the key; anything else (array, scalar, an object that
  // already has "_legacy") is wrapped as {"value": …, "_legacy": …}, so nothing is overwritten.
  `create function pg_temp.hub_legacy_attach(details jsonb, legacy jsonb) returns jsonb
     language sql immutable parallel safe as $$
     select case when legacy = '{}'::jsonb then details
                 when details is null then jsonb_build_object('_legacy', legacy)
                 when jsonb_typeof(details) = 'object' and details -> '_legacy' is null
                   then details || jsonb_build_object('_legacy', legacy)
                 else jsonb_build_object('value', details, '_legacy', legacy) end $$`,
];

/** Drops the helpers (reverse order), so nothing of the migration outlives it. */
export const DROP_VALUE_FUNCTIONS: readonly string[] = CREATE_VALUE_FUNCTIONS.map((sql) => {
  const [, signature] = /create function (pg_temp\.\w+\([^)]*\))/.exec(sql) ?? [];
  if (signature === undefined) throw new Error(`not a function definition: ${sql.slice(0, 60)}`);
  return `drop function if exists ${signature.replaceAll(/\w+ (\w+)(?=[,)])/g, '$1')}`;
}).reverse();
