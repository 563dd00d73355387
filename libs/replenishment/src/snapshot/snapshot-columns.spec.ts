import { describe, expect, it } from 'vitest';
import { NumberColumn } from './snapshot-columns';

describe('NumberColumn', () => {
  it('keeps every integer exact, those beyond 32 bits and sums past them included', () => {
    const column = new NumberColumn();
    const values = Array.from({ length: 5_000 }, (_, i) => (i % 7) * 1_000 - 3_000);
    values.push(2 ** 31 - 1, -(2 ** 31), 2 ** 31, Number.MAX_SAFE_INTEGER, 42);
    for (const value of values) column.push(value);
    column.add(0, 2 ** 31 - 1);
    column.add(1, 2 ** 40);
    expect(Array.from({ length: column.length }, (_, i) => column.at(i))).toEqual([values[0]! + 2 ** 31 - 1, values[1]! + 2 ** 40, ...values.slice(2)]);
  });

  it('widens on a sum past 32 bits with every earlier value kept', () => {
    const column = new NumberColumn();
    for (let i = 0; i < 3_000; i++) column.push(i);
    column.add(2_999, 2 ** 31);
    expect(column.at(2_999)).toBe(2_999 + 2 ** 31);
    expect(Array.from({ length: 2_999 }, (_, i) => column.at(i))).toEqual(Array.from({ length: 2_999 }, (_, i) => i));
  });
});
