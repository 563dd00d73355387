/**
 * `Promise.all(items.map(work))` with at most `limit` calls in flight, so a network of
 * hundreds of warehouses does not open hundreds of connections to 1С at once.
 * Results keep the order of `items`; the first failure rejects.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
