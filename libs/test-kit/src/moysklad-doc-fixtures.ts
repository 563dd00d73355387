import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * An example request and answer copied verbatim from МойСклад's documentation
 * (github.com/moysklad/api-remap-1.2-doc at `doc_commit`), with the file and lines they come from.
 * Kept in libs/integrations/src/moysklad/conformance/fixtures; the conformance specs replay them
 * against the client (a stub МойСклад answering them) and against the sandbox.
 */
export interface MoySkladDocExample {
  source: string;
  doc_commit: string;
  title: string;
  request: { lines: string; method: 'GET' | 'POST'; path: string; body?: unknown };
  response: { lines: string; status: number; body: Record<string, unknown> };
}

export const MOYSKLAD_DOC_EXAMPLES = [
  'product-list',
  'customerorder-create-minimal',
  'customerorder-create-with-positions',
  'customerorder-positions',
  'stock-bystore',
] as const;
export type MoySkladDocExampleName = (typeof MOYSKLAD_DOC_EXAMPLES)[number];

export function readMoySkladDocExample(name: MoySkladDocExampleName): MoySkladDocExample {
  const path = `${REPO_ROOT}libs/integrations/src/moysklad/conformance/fixtures/${name}.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as MoySkladDocExample;
}

/** The value at a dotted path (`positions.meta.size`, `rows.0.salePrices.0.priceType.name`). */
export function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

/** JSON's name for the type at a dotted path (array, object, string, number, boolean, null), or `missing`. */
export function jsonTypeAt(value: unknown, path: string): string {
  const at = valueAt(value, path);
  if (at === undefined) return 'missing';
  if (at === null) return 'null';
  return Array.isArray(at) ? 'array' : typeof at;
}
