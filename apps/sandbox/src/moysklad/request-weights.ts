/**
 * What one request costs, as md/_restrictions.md lines 29–45 list it, written here rather than
 * taken from the hub's client so the sandbox can disagree with a client that reads it wrong:
 * these two endpoints weigh 5 units whatever the authentication; every other request weighs the
 * token's weight (1 for a published solution's token, 4 for a draft one's or a user's).
 */
const FIXED_WEIGHTS: ReadonlyArray<{ method: string; path: string; units: number }> = [
  { method: 'GET', path: '/report/stock/all', units: 5 }, // line 35
  { method: 'GET', path: '/report/stock/bystore', units: 5 }, // line 36
];

/** Units a request costs; `path` is below /api/remap/1.2, without the query. */
export function documentedRequestWeight(method: string, path: string, tokenWeight: number): number {
  const normalised = path.replace(/\/+$/, '');
  return FIXED_WEIGHTS.find((entry) => entry.method === method && entry.path === normalised)?.units ?? tokenWeight;
}
