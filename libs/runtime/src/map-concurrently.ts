/**
 * `Promise.all(items.map(work))` with at most `limit` calls of `work` running at once, so a
 * network of hundreds of warehouses does not open hundreds of connections to 1С, nor a batch
 * of a hundred events a hundred deliveries. Results keep the order of `items`; the first
 * rejection rejects the whole (callers that must not stop on one failure catch inside `work`).
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive whole number, not ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
