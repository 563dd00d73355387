/**
 * Query strings for МойСклад's `filter` parameter (md/_general.md «Фильтрация выборки»): the
 * value is urlencoded; conditions are joined by `;`, and a `;` inside a value is written `\;`.
 * Repeating `field=value` for one field means OR.
 */

import type { MsSkuField } from './contract';

/**
 * md/_restrictions.md line 16: at most 8 KB in a request's headers, URL included. The encoded
 * `filter` of one lookup gets what is left after 2 KB for the other headers (Authorization,
 * Accept, Accept-Encoding, Host, User-Agent …) and the rest of the request line.
 */
export const MOYSKLAD_MAX_HEADER_BYTES = 8 * 1024;
const FILTER_BUDGET_BYTES = MOYSKLAD_MAX_HEADER_BYTES - 2 * 1024 - 256;

const escapeValue = (value: string): string => value.replaceAll(';', '\\;');

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * `filter` values that together ask for every non-archived product whose `field` is one of
 * `values` (deduplicated), each at most FILTER_BUDGET_BYTES once encoded: long Cyrillic articles
 * take 6 bytes a letter, so a count alone cannot bound the URL. `archived=false`: md/_general.md line 1290.
 */
export function productFilters(field: MsSkuField, values: readonly string[]): string[] {
  const unique = [...new Set(values.filter((value) => value.length > 0))];
  const closing = encodeURIComponent(';archived=false');
  const filters: string[] = [];
  let current = '';
  for (const value of unique) {
    const condition = encodeURIComponent(`${field}=${escapeValue(value)};`);
    if (current && current.length + condition.length + closing.length > FILTER_BUDGET_BYTES) {
      filters.push(current.slice(0, -encodeURIComponent(';').length) + closing);
      current = '';
    }
    current += condition;
  }
  if (current) filters.push(current.slice(0, -encodeURIComponent(';').length) + closing);
  return filters;
}

export function externalCodeFilter(externalCode: string): string {
  return encodeURIComponent(`externalCode=${escapeValue(externalCode)}`);
}
