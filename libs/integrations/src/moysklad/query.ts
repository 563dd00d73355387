/**
 * Query strings for МойСклад's `filter` parameter (md/_general.md «Фильтрация выборки»): the
 * value is urlencoded; conditions are joined by `;`, and a `;` inside a value is written `\;`.
 * Repeating `field=value` for one field means OR.
 */

import type { MsSkuField } from './contract';

/** Articles per product lookup: keeps the URL far below the documented 8 KB of request headers. */
const ARTICLES_PER_LOOKUP = 50;

const escapeValue = (value: string): string => value.replaceAll(';', '\\;');

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * `filter` values that together ask for every non-archived product whose `field` is one of
 * `values` (deduplicated). `archived=false`: md/_general.md line 1290.
 */
export function productFilters(field: MsSkuField, values: readonly string[]): string[] {
  const unique = [...new Set(values.filter((value) => value.length > 0))];
  return chunk(unique, ARTICLES_PER_LOOKUP).map((part) =>
    encodeURIComponent([...part.map((value) => `${field}=${escapeValue(value)}`), 'archived=false'].join(';')),
  );
}

export function externalCodeFilter(externalCode: string): string {
  return encodeURIComponent(`externalCode=${escapeValue(externalCode)}`);
}
