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

  it('splits into pieces of exactly the values ordered, widened ones too, and is left empty', () => {
    for (const widest of [7, 2 ** 40]) {
      const column = new NumberColumn();
      for (const value of [10, 20, widest, 40, 50]) column.push(value);
      const [first, empty, last] = column.split(Int32Array.of(3, 2, 0, 4), Int32Array.of(0, 3, 3, 4));
      expect(column.length).toBe(0);
      expect([first, empty, last].map((piece) => Array.from({ length: piece!.length }, (_, i) => piece!.at(i)))).toEqual([[40, widest, 10], [], [50]]);
      // A piece still grows, an empty one too.
      empty!.push(5);
      last!.push(2 ** 41);
      expect([empty!.at(0), last!.at(0), last!.at(1)]).toEqual([5, 50, 2 ** 41]);
    }
  });
});

describe('SnapshotRows', () => {
  it('splits whole rows: each row keeps its warehouse, product and values together', () => {
    const rows = new SnapshotRows(STOCK_FIELDS);
    for (let row = 0; row < 2_000; row++) rows.push(row % 7, row, { onHand: row * 3, reserved: row === 1_999 ? 2 ** 35 : row });
    // Two pieces: the rows from last to first, cut at 1,000.
    const pieces = rows.split(
      Int32Array.from({ length: 2_000 }, (_, k) => 1_999 - k),
      Int32Array.of(0, 1_000, 2_000),
    );
    expect([rows.length, ...pieces.map((piece) => piece.length)]).toEqual([0, 1_000, 1_000]);
    for (const k of [0, 1, 999, 1_000, 1_999]) {
      const [piece, row, was] = [pieces[Math.floor(k / 1_000)]!, k % 1_000, 1_999 - k];
      expect([piece.warehouse.at(row), piece.product.at(row), piece.valueOf('onHand', row), piece.valueOf('reserved', row)]).toEqual([
        was % 7,
        was,
        was * 3,
        was === 1_999 ? 2 ** 35 : was,
      ]);
    }
  });
});
