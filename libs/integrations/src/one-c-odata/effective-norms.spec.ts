import { describe, expect, it } from 'vitest';
import { resolveNorms, type NormRow } from './effective-norms';
import { EMPTY_REF } from './odata-values';

const row = (over: Partial<NormRow>): NormRow => ({
  productId: EMPTY_REF,
  characteristicId: EMPTY_REF,
  warehouseId: EMPTY_REF,
  groupId: EMPTY_REF,
  min: 0,
  max: 0,
  orderPackId: EMPTY_REF,
  ...over,
});

describe('the effective norm, in УТ’s order (item → group → none)', () => {
  const store = 'store-1';
  const rows: NormRow[] = [
    // Milk: its own row at the store wins over the group it also belongs to.
    row({ productId: 'milk', warehouseId: store, min: 10, max: 40, orderPackId: 'pack-6' }),
    row({ productId: 'milk', warehouseId: store, groupId: 'dairy' }),
    // Kefir: only in the group, so the group's general row (no item, no warehouse) applies.
    row({ productId: 'kefir', warehouseId: store, groupId: 'dairy' }),
    row({ groupId: 'dairy', min: 18, max: 72, orderPackId: 'pack-12' }),
    // Cheese: in a group with no settings row: no norm.
    row({ productId: 'cheese', warehouseId: store, groupId: 'no-settings' }),
    // Bread: a row for another warehouse, and one for a characteristic the hub does not plan by.
    row({ productId: 'bread', warehouseId: 'store-2', min: 5, max: 9 }),
    row({ productId: 'bread', warehouseId: store, characteristicId: 'rye', min: 1, max: 2 }),
  ];

  it('takes the item’s own row, else its group’s general row, and nothing else', () => {
    expect(resolveNorms(rows, store)).toEqual([
      { productId: 'milk', min: 10, max: 40, orderPackId: 'pack-6', source: 'item' },
      { productId: 'kefir', min: 18, max: 72, orderPackId: 'pack-12', source: 'group' },
    ]);
  });

  it('keeps warehouses apart', () => {
    expect(resolveNorms(rows, 'store-2')).toEqual([{ productId: 'bread', min: 5, max: 9, orderPackId: EMPTY_REF, source: 'item' }]);
    expect(resolveNorms(rows, 'store-3')).toEqual([]);
  });
});
