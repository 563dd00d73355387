import { describe, expect, it } from 'vitest';
import { NumberColumn, SnapshotRows, STOCK_FIELDS } from './snapshot-columns';

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

  it('reorders its values, widened ones too, to exactly the order given', () => {
    for (const widest of [7, 2 ** 40]) {
      const column = new NumberColumn();
      for (const value of [10, 20, widest, 40]) column.push(value);
      column.reorder(Int32Array.of(3, 2, 0));
      expect(column.length).toBe(3);
      expect([0, 1, 2].map((i) => column.at(i))).toEqual([40, widest, 10]);
      column.push(5);
      expect(column.at(3)).toBe(5);
    }
  });
});

describe('SnapshotRows', () => {
  it('reorders whole rows: each row keeps its warehouse, product and values together', () => {
    const rows = new SnapshotRows(STOCK_FIELDS);
    for (let row = 0; row < 2_000; row++) rows.push(row % 7, row, { onHand: row * 3, reserved: row === 1_999 ? 2 ** 35 : row });
    const order = Int32Array.from({ length: 2_000 }, (_, k) => 1_999 - k);
    rows.reorder(order);
    for (const k of [0, 1, 1_000, 1_999]) {
      const was = 1_999 - k;
      expect([rows.warehouse.at(k), rows.product.at(k), rows.valueOf('onHand', k), rows.valueOf('reserved', k)]).toEqual([
        was % 7,
        was,
        was * 3,
        was === 1_999 ? 2 ** 35 : was,
      ]);
    }
  });
});
