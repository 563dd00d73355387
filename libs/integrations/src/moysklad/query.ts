/**
 * Query strings for МойСклад's `filter` parameter (md/_general.md «Фильтрация выборки»): the
 * value is urlencoded; conditions are joined by `;`, and a `;` inside a value is written `\;`.
 * Repeating `field=value` for one field means OR.
 */

/** Articles per product lookup: keeps the URL far below the documented 8 KB of request headers. */
const ARTICLES_PER_LOOKUP = 50;

const escapeValue = (value: string): string => value.replaceAll(';', '\\;');

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** `filter` values that together ask for every product with one of `articles` (deduplicated). */
export function articleFilters(articles: readonly string[]): string[] {
  const unique = [...new Set(articles.filter((article) => article.length > 0))];
  return chunk(unique, ARTICLES_PER_LOOKUP).map((part) =>
    encodeURIComponent(part.map((article) => `article=${escapeValue(article)}`).join(';')),
  );
}

export function externalCodeFilter(externalCode: string): string {
  return encodeURIComponent(`externalCode=${escapeValue(externalCode)}`);
}
