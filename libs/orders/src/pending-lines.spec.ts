/** Each order's lines come back as they were added, whatever other orders' lines came between them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PendingLines, type PendingList } from './pending-lines';

const products = ['a', 'b', 'c'].map((sku) => ({ id: `product-${sku}`, sku }));

describe('PendingLines', () => {
  it('gives each order its own lines in the order they were added, past the first capacity', () => {
    fc.assert(
      fc.property(
        // Lines of up to 5 orders interleaved, more of them than the columns first hold (4096).
        fc.array(fc.tuple(fc.nat(4), fc.constantFrom(...products), fc.integer({ min: -1e12, max: 1e12 })), { minLength: 4000, maxLength: 9000 }),
        (added) => {
          const pending = new PendingLines<(typeof products)[number]>();
          const lists: PendingList[] = Array.from({ length: 5 }, () => pending.list());
          const expected: [(typeof products)[number], number][][] = lists.map(() => []);
          for (const [order, product, quantity] of added) {
            pending.add(lists[order]!, product, quantity);
            expected[order]!.push([product, quantity]);
          }
          lists.forEach((list, order) => {
            expect(list.length).toBe(expected[order]!.length);
            // The very product objects come back, so a payload line may read any of their fields.
            expect(pending.map(list, (product, quantity) => [product, quantity])).toEqual(expected[order]);
          });
        },
      ),
      // Shrinking thousands of lines takes minutes: the first failing case is reported as found.
      { numRuns: 20, endOnFailure: true },
    );
  });

  it('keeps quantities beyond 32 bits and fractions exact', () => {
    const pending = new PendingLines<string>();
    const list = pending.list();
    for (const quantity of [2 ** 31, -(2 ** 40) - 1, 0.5, Number.MAX_SAFE_INTEGER]) pending.add(list, 'sku', quantity);
    expect(pending.map(list, (_, quantity) => quantity)).toEqual([2 ** 31, -(2 ** 40) - 1, 0.5, Number.MAX_SAFE_INTEGER]);
  });

  it('gives an order without lines none', () => {
    const pending = new PendingLines<string>();
    const empty = pending.list();
    pending.add(pending.list(), 'sku', 1);
    expect(pending.map(empty, (product) => product)).toEqual([]);
  });
});
