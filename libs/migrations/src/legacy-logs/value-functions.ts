/**
 * SQL helpers that classify and convert one legacy `integration_logs` value. They live in
 * `pg_temp` (this session only, dropped again at the end of the migration) because
 * PostgreSQL 15 has no `pg_input_is_valid`: only a plpgsql block that catches the input
 * function's error can tell whether text is a UUID or JSON, without failing the statement.
 */

/** What happens to one non-NULL legacy value. The SQL below returns these very strings. */
export const VALUE_OUTCOMES = ['converted', 'emptied', 'keptAside'] as const;
export type ValueOutcome = (typeof VALUE_OUTCOMES)[number];

const [CONVERTED, EMPTIED, KEPT_ASIDE] = VALUE_OUTCOMES;

/** `value` (text) as a uuid, or NULL when text is absent or not a UUID. */
export const toUuid = (value: string): string => `pg_temp.hub_legacy_uuid(${value})`;
/** `value` (text) when it is neither absent nor a UUID: the text to keep aside. */
export const unconvertedText = (value: string): string => `pg_temp.hub_legacy_unconverted_text(${value})`;
/** `value` (text) as jsonb: NULL when absent or JSON null; a JSON string when jsonb rejects it. */
export const toJsonb = (value: string): string => `pg_temp.hub_legacy_jsonb(${value})`;
/** The outcome of a text value bound for a uuid column, NULL for NULL. */
export const uuidOutcome = (value: string): string => `pg_temp.hub_legacy_uuid_outcome(${value})`;
/** The outcome of a text value bound for a jsonb column, NULL for NULL. */
export const jsonOutcome = (value: string): string => `pg_temp.hub_legacy_json_outcome(${value})`;
/** `details` (jsonb) with the `legacy` object attached under "_legacy" (see the function). */
export const attachLegacy = (details: string, legacy: string): string => `pg_temp.hub_legacy_attach(${details}, ${legacy})`;

/** Creates the helpers, in dependency order (SQL function bodies are checked at creation). */
export const CREATE_VALUE_FUNCTIONS: readonly string[] = [
  // '', blanks, and Python's None / JSON's null written as text, in any case: absent values.
  // No question marks anywhere in this SQL: knex would take them for bind parameters.
  `create function pg_temp.hub_legacy_is_absent(value text) returns boolean
     language sql immutable as $$ select value ~* '^\\s*(none|null|)\\s*$' $$`,
  // Surrounding whitespace is trimmed first: a padded UUID is still that UUID.
  `create function pg_temp.hub_legacy_uuid(value text) returns uuid
     language plpgsql immutable as $$
     begin
       return regexp_replace(value, '^\\s+|\\s+$', '', 'g')::uuid;
     exception when invalid_text_representation then
       return null;
     end $$`,
  `create function pg_temp.hub_legacy_uuid_outcome(value text) returns text
     language sql immutable as $$
     select case when value is null then null
                 when pg_temp.hub_legacy_uuid(value) is not null then '${CONVERTED}'
                 when pg_temp.hub_legacy_is_absent(value) then '${EMPTIED}'
                 else '${KEPT_ASIDE}' end $$`,
  `create function pg_temp.hub_legacy_unconverted_text(value text) returns text
     language sql immutable as $$
     select case when pg_temp.hub_legacy_uuid_outcome(value) = '${KEPT_ASIDE}' then value end $$`,
  // NULL when jsonb rejects the text: not JSON at all, or JSON it cannot store (\u0000).
  `create function pg_temp.hub_legacy_parse_jsonb(value text) returns jsonb
     language plpgsql immutable as $$
     begin
       return value::jsonb;
     exception when invalid_text_representation or untranslatable_character then
       return null;
     end $$`,
  `create function pg_temp.hub_legacy_jsonb(value text) returns jsonb
     language sql immutable as $$
     select case when pg_temp.hub_legacy_is_absent(value) then null
                 when parsed = 'null'::jsonb then null
                 else coalesce(parsed, to_jsonb(value)) end
       from pg_temp.hub_legacy_parse_jsonb(value) as parsed $$`,
  `create function pg_temp.hub_legacy_json_outcome(value text) returns text
     language sql immutable as $$
     select case when value is null then null
                 when pg_temp.hub_legacy_is_absent(value) or parsed = 'null'::jsonb then '${EMPTIED}'
                 when parsed is not null then '${CONVERTED}'
                 else '${KEPT_ASIDE}' end
       from pg_temp.hub_legacy_parse_jsonb(value) as parsed $$`,
  // An object without "_legacy" gains the key; anything else (array, scalar, an object that
  // already has "_legacy") is wrapped as {"value": …, "_legacy": …}, so nothing is overwritten.
  `create function pg_temp.hub_legacy_attach(details jsonb, legacy jsonb) returns jsonb
     language sql immutable as $$
     select case when legacy = '{}'::jsonb then details
                 when details is null then jsonb_build_object('_legacy', legacy)
                 when jsonb_typeof(details) = 'object' and details -> '_legacy' is null
                   then details || jsonb_build_object('_legacy', legacy)
                 else jsonb_build_object('value', details, '_legacy', legacy) end $$`,
];

/** Drops the helpers (reverse order), so nothing of the migration outlives it. */
export const DROP_VALUE_FUNCTIONS: readonly string[] = [
  'drop function if exists pg_temp.hub_legacy_attach(jsonb, jsonb)',
  'drop function if exists pg_temp.hub_legacy_json_outcome(text)',
  'drop function if exists pg_temp.hub_legacy_jsonb(text)',
  'drop function if exists pg_temp.hub_legacy_parse_jsonb(text)',
  'drop function if exists pg_temp.hub_legacy_unconverted_text(text)',
  'drop function if exists pg_temp.hub_legacy_uuid_outcome(text)',
  'drop function if exists pg_temp.hub_legacy_uuid(text)',
  'drop function if exists pg_temp.hub_legacy_is_absent(text)',
];
