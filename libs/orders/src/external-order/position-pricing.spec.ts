import { describe, expect, it } from 'vitest';
import type { MsProduct, MsProductId } from '@hub/integrations';
import { MissingMoySkladPriceError, pricePositions } from './position-pricing';

// md/dictionaries/_product.md lines 562–648: «Тыква», sale prices 3353 and 3253 kopecks, purchase price 54, VAT 18 %.
const pumpkin: MsProduct = {
  id: '26b36824-2c83-11e6-8a84-bae50000001b' as MsProductId,
  name: 'Тыква',
  article: 'Ar23',
  code: 'pumpkin1',
  externalCode: '456pumpkin',
  archived: false,
  salePrices: [
    { priceType: 'Цена продажи', value: 3353 },
    { priceType: 'Цена для друзей', value: 3253 },
  ],
  buyPrice: 54,
  vat: 18,
  vatEnabled: true,
};
const line = { sku: 'Ar23', quantity: 7, product: pumpkin };

describe("pricing an outside order's positions", () => {
  it("takes the configured sale price type by name and the product's VAT, reserving nothing by default", () => {
    expect(pricePositions('e1', [line], { price: { kind: 'salePrice', priceType: 'Цена для друзей' }, reserve: false })).toEqual([
      { productId: pumpkin.id, quantity: 7, price: 3253, vat: 18, vatEnabled: true },
    ]);
  });

  it('takes the purchase price when configured, and reserves the whole quantity when reserve is on', () => {
    expect(pricePositions('e2', [line], { price: { kind: 'buyPrice' }, reserve: true })).toEqual([
      { productId: pumpkin.id, quantity: 7, price: 54, vat: 18, vatEnabled: true, reserve: 7 },
    ]);
  });

  it('refuses for good a product without the configured price, naming the SKU, the product and the price type', () => {
    const attempt = () => pricePositions('e3', [line], { price: { kind: 'salePrice', priceType: 'Оптовая цена' }, reserve: false });
    expect(attempt).toThrow(MissingMoySkladPriceError);
    expect(attempt).toThrow('SKU Ar23: 26b36824-2c83-11e6-8a84-bae50000001b «Тыква»');
    expect(attempt).toThrow('the sale price of type «Оптовая цена» missing');
  });
});
