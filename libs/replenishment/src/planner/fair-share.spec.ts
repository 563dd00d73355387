import { describe, expect, it } from 'vitest';
import { allocateProduct } from './allocate';

const moved = (result: ReturnType<typeof allocateProduct>) => result.allocations.map((a) => `${a.sourceWarehouseId}→${a.targetWarehouseId} ${a.quantity}`);

describe('allocateProduct (step 4: fair shares in whole packs)', () => {
  it('brings every target to the same share of its need when donors are short', () => {
    // 30 to give, 60 asked: each target gets half of its need, not "first come, first served".
    const result = allocateProduct(
      [
        { warehouseId: 'w-north', need: 20 },
        { warehouseId: 'w-south', need: 10 },
        { warehouseId: 'w-east', need: 30 },
      ],
      [{ warehouseId: 'w-main', surplus: 30 }],
    );
    expect(result).toMatchObject({ fairShare: 0.5, totalNeed: 60, totalSurplus: 30 });
    expect(moved(result)).toEqual(['w-main→w-east 15', 'w-main→w-north 10', 'w-main→w-south 5']);
    expect(result.uncovered).toEqual(
      new Map([
        ['w-east', 15],
        ['w-north', 10],
        ['w-south', 5],
      ]),
    );
  });

  it('rounds shares down to whole packs and hands the leftover pack to the equal share missing most', () => {
    // Packs of 6; 45 to give = 7 whole packs for 12 asked; fairShare 42/72: quotas 2, 1 and 3 packs,
    // all at share ½; the one pack left goes to the largest need among them: w-west.
    const result = allocateProduct(
      [
        { warehouseId: 'w-north', need: 24, multiple: 6 },
        { warehouseId: 'w-south', need: 12, multiple: 6 },
        { warehouseId: 'w-west', need: 36, multiple: 6 },
      ],
      [{ warehouseId: 'w-main', surplus: 45 }],
    );
    expect(result).toMatchObject({ totalNeed: 72, totalSurplus: 42 });
    expect(result.fairShare).toBeCloseTo(42 / 72, 12);
    expect(moved(result)).toEqual(['w-main→w-north 12', 'w-main→w-south 6', 'w-main→w-west 24']);
    expect(result.uncovered).toEqual(
      new Map([
        ['w-north', 12],
        ['w-south', 6],
        ['w-west', 12],
      ]),
    );
  });

  it('breaks a tie of equal shares and equal needs by warehouse id', () => {
    const needs = ['w-c', 'w-a', 'w-b'].map((warehouseId) => ({ warehouseId, need: 10, multiple: 5 }));
    const result = allocateProduct(needs, [{ warehouseId: 'w-main', surplus: 10 }]);
    expect(moved(result)).toEqual(['w-main→w-a 5', 'w-main→w-b 5']);
  });

  it('gives a leftover pack to the target furthest behind, not to the one asking most', () => {
    const result = allocateProduct(
      [
        { warehouseId: 'w-a', need: 10 },
        { warehouseId: 'w-b', need: 3 },
      ],
      [{ warehouseId: 'w-main', surplus: 6 }],
    );
    // fairShare 6/13: quotas 4 (0.40) and 1 (0.33); the sixth unit goes to w-b.
    expect(moved(result)).toEqual(['w-main→w-a 4', 'w-main→w-b 2']);
  });

  it('never splits a pack between donors, and never gives more than asked', () => {
    // 20 + 17 = 37 units would cover 36, but only 3 + 2 whole packs of 6 exist.
    const result = allocateProduct(
      [{ warehouseId: 'w-north', need: 36, multiple: 6 }],
      [
        { warehouseId: 'w-main', surplus: 20 },
        { warehouseId: 'w-south', surplus: 17 },
      ],
    );
    expect(moved(result)).toEqual(['w-main→w-north 18', 'w-south→w-north 12']);
    expect(result.uncovered).toEqual(new Map([['w-north', 6]]));
    const plenty = allocateProduct([{ warehouseId: 'w-north', need: 12, multiple: 6 }], [{ warehouseId: 'w-main', surplus: 1000 }]);
    expect(moved(plenty)).toEqual(['w-main→w-north 12']);
  });

  it('takes from the donor with most surplus, ties by id, and not from a target', () => {
    const result = allocateProduct(
      [
        { warehouseId: 'w-north', need: 8 },
        { warehouseId: 'w-south', need: 4 },
      ],
      [
        { warehouseId: 'w-east', surplus: 9 },
        { warehouseId: 'w-west', surplus: 9 },
        { warehouseId: 'w-south', surplus: 50 },
      ],
    );
    expect(moved(result)).toEqual(['w-east→w-north 8', 'w-west→w-south 4']);
  });

  it('refuses a need that is not a whole number of its multiple', () => {
    expect(() => allocateProduct([{ warehouseId: 'w-north', need: 10, multiple: 6 }], [])).toThrow(/not a positive whole number of its multiple 6/);
  });
});
