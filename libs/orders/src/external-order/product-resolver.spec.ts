import { describe, expect, it } from 'vitest';
import type { MsProduct, MsProductId, MsSkuField } from '@hub/integrations';
import { AmbiguousMoySkladProductError, createProductResolver, UnknownMoySkladProductError } from './product-resolver';

/** A МойСклад stand-in that answers from `catalog` as the client would (archived ones left out) and records every lookup. */
function fakeMoySklad(catalog: MsProduct[]) {
  const lookups: Array<{ field: MsSkuField; values: string[] }> = [];
  return {
    lookups,
    catalog,
    findProducts: async (field: MsSkuField, values: readonly string[]) => {
      lookups.push({ field, values: [...values] });
      return catalog.filter((product) => !product.archived && product[field] !== undefined && values.includes(product[field]));
    },
  };
}

const product = (id: string, name: string, article: string, extra: Partial<MsProduct> = {}): MsProduct => ({
  id: id as MsProductId,
  name,
  article,
  code: undefined,
  externalCode: `ext-${id}`,
  archived: false,
  salePrices: [],
  buyPrice: undefined,
  vat: 20,
  vatEnabled: true,
  ...extra,
});
const idsOf = (found: Map<string, MsProduct>) => new Map([...found].map(([sku, p]) => [sku, p.id]));

describe('the МойСклад product resolver', () => {
  const water = product('ms-water', 'Вода питьевая 5 л', 'SKU-0020');
  const cookies = product('ms-cookies', 'Печенье овсяное 300 г', 'SKU-0021');

  it('asks МойСклад once per SKU within the cache time, and again once an entry has expired', async () => {
    const moysklad = fakeMoySklad([water, cookies]);
    let now = 1_000_000;
    const resolve = createProductResolver(moysklad, { cacheMs: 60_000, clock: () => now });

    expect(idsOf(await resolve('event-1', ['SKU-0020', 'SKU-0021']))).toEqual(
      new Map([
        ['SKU-0020', 'ms-water'],
        ['SKU-0021', 'ms-cookies'],
      ]),
    );
    now += 59_999;
    await resolve('event-2', ['SKU-0020']);
    expect(moysklad.lookups).toHaveLength(1);

    now += 1;
    moysklad.catalog[0] = { ...water, id: 'ms-water-renumbered' as MsProductId };
    expect(idsOf(await resolve('event-3', ['SKU-0020', 'SKU-0021']))).toEqual(
      new Map([
        ['SKU-0020', 'ms-water-renumbered'],
        ['SKU-0021', 'ms-cookies'],
      ]),
    );
    expect(moysklad.lookups.map((l) => l.values)).toEqual([
      ['SKU-0020', 'SKU-0021'],
      ['SKU-0020', 'SKU-0021'],
    ]);
  });

  it('sends one lookup for deliveries running at once that miss the same SKU', async () => {
    const moysklad = fakeMoySklad([water, cookies]);
    const resolve = createProductResolver(moysklad);
    const resolved = await Promise.all([resolve('event-a', ['SKU-0020', 'SKU-0021']), resolve('event-b', ['SKU-0020']), resolve('event-c', ['SKU-0021'])]);
    expect(resolved.map((found) => [...found.keys()])).toEqual([['SKU-0020', 'SKU-0021'], ['SKU-0020'], ['SKU-0021']]);
    expect(moysklad.lookups).toHaveLength(1);
  });

  it('forgets an expired entry: a product that lost its article since is "not found", not its old id', async () => {
    const moysklad = fakeMoySklad([{ ...water }]);
    let now = 0;
    const resolve = createProductResolver(moysklad, { cacheMs: 1_000, clock: () => now });
    await resolve('event-1', ['SKU-0020']);
    moysklad.catalog[0] = { ...water, article: 'SKU-0020-OLD' };
    now += 1_000;
    await expect(resolve('event-2', ['SKU-0020'])).rejects.toBeInstanceOf(UnknownMoySkladProductError);
  });

  it('refuses for good an order naming an SKU МойСклад has no product for, naming it', async () => {
    const resolve = createProductResolver(fakeMoySklad([water]));
    const refusal = await resolve('event-4', ['SKU-0020', 'SKU-NONE']).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UnknownMoySkladProductError);
    expect(refusal).toMatchObject({ retryable: false, skus: ['SKU-NONE'], message: expect.stringContaining('SKU-NONE') });
  });

  // md/dictionaries/_product.md lines 494–667 and 668–…: «Тыква» and «Бананы», both article Ar23.
  const pumpkin = product('26b36824-2c83-11e6-8a84-bae50000001b', 'Тыква', 'Ar23');
  const bananas = product('d950551c-2c7f-11e6-8a84-bae50000000b', 'Бананы', 'Ar23');

  it('refuses for good an SKU several non-archived products carry, naming the SKU and every candidate (id, name)', async () => {
    const resolve = createProductResolver(fakeMoySklad([pumpkin, bananas, water]));
    const refusal = await resolve('event-5', ['Ar23', 'SKU-0020']).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AmbiguousMoySkladProductError);
    expect(refusal).toMatchObject({ retryable: false });
    expect((refusal as Error).message).toMatch(/SKU Ar23: 26b36824-2c83-11e6-8a84-bae50000001b «Тыква», d950551c-2c7f-11e6-8a84-bae50000000b «Бананы»/);
  });

  it('ignores archived products, even when МойСклад sends one, so the one product in use is ordered', async () => {
    const archivedBananas = { ...bananas, archived: true };
    const moysklad = { findProducts: async () => [pumpkin, archivedBananas] };
    expect(idsOf(await createProductResolver(moysklad)('event-6', ['Ar23']))).toEqual(new Map([['Ar23', pumpkin.id]]));
  });

  it('does not remember an ambiguous SKU: once the data is fixed, the retry finds the one product', async () => {
    const moysklad = fakeMoySklad([pumpkin, { ...bananas }]);
    const resolve = createProductResolver(moysklad);
    await expect(resolve('event-7', ['Ar23'])).rejects.toBeInstanceOf(AmbiguousMoySkladProductError);
    moysklad.catalog[1] = { ...bananas, archived: true };
    expect(idsOf(await resolve('event-7', ['Ar23']))).toEqual(new Map([['Ar23', pumpkin.id]]));
  });

  it('looks SKUs up in the configured field: code or externalCode instead of article', async () => {
    const coded = product('ms-coded', 'Товар по коду', 'unrelated', { code: 'SKU-7', externalCode: 'SKU-8' });
    const moysklad = fakeMoySklad([coded]);
    expect(idsOf(await createProductResolver(moysklad, { skuField: 'code' })('event-8', ['SKU-7']))).toEqual(new Map([['SKU-7', 'ms-coded']]));
    expect(idsOf(await createProductResolver(moysklad, { skuField: 'externalCode' })('event-9', ['SKU-8']))).toEqual(new Map([['SKU-8', 'ms-coded']]));
    expect(moysklad.lookups.map((l) => l.field)).toEqual(['code', 'externalCode']);
  });
});
