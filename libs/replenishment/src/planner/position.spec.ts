import { describe, expect, it } from 'vitest';
import { computeNeed, computePosition, computeSurplus } from './position';

describe('computeNeed (step 2)', () => {
  it('Odoo example: min 10, max 40, multiple 6, position 8 → 36', () => {
    expect(computeNeed(8, { min: 10, max: 40, multiple: 6 })).toBe(36);
  });

  it('asks nothing at or above min', () => {
    expect(computeNeed(10, { min: 10, max: 40, multiple: 6 })).toBe(0);
  });

  it('counts a negative position in full', () => {
    expect(computeNeed(-5, { min: 0, max: 10, multiple: 5 })).toBe(15);
  });

  it('reads a multiple below 1 as "any quantity"', () => {
    expect(computeNeed(3, { min: 5, max: 12, multiple: 0 })).toBe(9);
  });

  it('reads a max below min as max = min, so the need still lifts the position to min', () => {
    expect(computeNeed(2, { min: 10, max: 4, multiple: 1 })).toBe(8);
  });
});

describe('computePosition and computeSurplus (steps 1 and 3)', () => {
  it('position = on hand − reserved + inbound', () => {
    expect(computePosition(12, 4, 5)).toBe(13);
  });

  it('surplus keeps the donor at its min and leaves promised goods alone', () => {
    expect(computeSurplus(100, 10, 15, 20)).toBe(55);
    expect(computeSurplus(30, 5, 0, 40)).toBe(0);
  });
});
