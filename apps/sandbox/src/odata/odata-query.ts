/**
 * The part of OData's query language the hub uses, read as strictly as 1С reads it: anything
 * else is refused the way the platform refuses it (400, code 14; P4-real-metadata.md «Запросы»).
 */
import { ODATA_CODES, ODataRefusal } from './odata-answers';
import type { EntityShape } from './ut11-shapes';

export type Row = Record<string, unknown>;

/** Query options decoded as 1С decodes them: `%XX` only; a `+` stays a `+`, which no option can contain. */
export function parseRawQuery(rawQuery: string): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const [key = '', value = ''] = pair.split('=', 2);
    if (value.includes('+')) {
      // The pitfall: a real 1С answers 500 to a space written as +.
      throw new ODataRefusal(500, ODATA_CODES.badQueryOption, `Ошибка при разборе опции запроса ${decodeURIComponent(key)}: недопустимый символ "+"`);
    }
    options[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return options;
}

const FIELD = /^[\p{L}_][\p{L}\p{N}_]*$/u;
const filterError = (text: string) => new ODataRefusal(400, ODATA_CODES.badQueryOption, `Ошибка при разборе опции запроса $filter: ${text}`);

/** A literal: true/false, guid'…', '…' (quotes doubled inside), or a number. */
function literal(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  const guid = /^guid'([0-9a-f-]{36})'$/i.exec(text);
  if (guid) return guid[1]!.toLowerCase();
  const string = /^'((?:[^']|'')*)'$/.exec(text);
  if (string) return string[1]!.replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw filterError(`не удалось разобрать значение ${text}`);
}

/** Splits on ` and ` outside quotes. */
function conjuncts(filter: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < filter.length; i += 1) {
    if (filter[i] === "'") quoted = !quoted;
    else if (!quoted && filter.startsWith(' and ', i)) {
      parts.push(filter.slice(start, i));
      start = i + 5;
    }
  }
  parts.push(filter.slice(start));
  return parts.map((part) => part.trim());
}

function fieldOf(shape: EntityShape, name: string, filter = true): string {
  if (!FIELD.test(name) || !shape.fields.has(name)) {
    throw new ODataRefusal(400, ODATA_CODES.badUrl, `Сегмент пути ${name} не найден!`);
  }
  if (filter && shape.unlimited.has(name)) throw filterError(`недопустимо сравнение строк неограниченной длины (${name})`);
  return name;
}

const same = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);

/** `$filter` as a predicate: `F eq|ne literal` and `substringof('text', F) eq true`, joined by `and`. */
export function compileFilter(shape: EntityShape, filter: string | undefined): (row: Row) => boolean {
  if (filter === undefined) return () => true;
  const tests = conjuncts(filter).map((term): ((row: Row) => boolean) => {
    const contains = /^substringof\('((?:[^']|'')*)', ?([^)\s]+)\) eq true$/u.exec(term);
    if (contains) {
      const needle = contains[1]!.replace(/''/g, "'");
      const field = fieldOf(shape, contains[2]!, false);
      return (row) => String(row[field] ?? '').includes(needle);
    }
    const compare = /^(\S+) (eq|ne) (.+)$/u.exec(term);
    if (!compare) throw filterError(term);
    const field = fieldOf(shape, compare[1]!);
    const value = literal(compare[3]!);
    return compare[2] === 'eq' ? (row) => same(row[field], value) : (row) => !same(row[field], value);
  });
  return (row) => tests.every((test) => test(row));
}

/** `$select`: only known fields (P4: an unknown one is 400, code 6). */
export function selectFields(shape: EntityShape, select: string | undefined): (row: Row) => Row {
  if (select === undefined) return (row) => row;
  const fields = select.split(',').map((name) => fieldOf(shape, name.trim(), false));
  return (row) => Object.fromEntries(fields.map((field) => [field, row[field]]));
}

function wholeNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ODataRefusal(400, ODATA_CODES.badQueryOption, `Ошибка при разборе опции запроса ${name}`);
  return Number(text);
}

/**
 * A collection answer: filtered, ordered by `$orderby` (ascending, field list), then `$skip`/`$top`.
 * 1С does not page by itself: without `$top` every row comes back. `$inlinecount=allpages` adds
 * `odata.count` as a string and makes 1С ignore `$skip`/`$top` (the guide, line 861).
 */
export function answerCollection(shape: EntityShape, rows: Row[], options: Record<string, string>): Row {
  const matching = rows.filter(compileFilter(shape, options['$filter']));
  const order = options['$orderby']?.split(',').map((name) => fieldOf(shape, name.trim(), false));
  if (order) matching.sort((a, b) => order.reduce((result, field) => result || String(a[field] ?? '').localeCompare(String(b[field] ?? '')), 0));
  const counted = options['$inlinecount'] === 'allpages';
  const skip = counted ? 0 : wholeNumber('$skip', options['$skip'], 0);
  const top = counted ? matching.length : wholeNumber('$top', options['$top'], matching.length);
  const select = selectFields(shape, options['$select']);
  const value = matching.slice(skip, skip + top).map(select);
  return counted ? { 'odata.count': String(matching.length), value } : { value };
}
