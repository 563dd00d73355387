import { describe, expect, it } from 'vitest';
import type { MsProduct } from '@hub/integrations';
import { createProductResolver, UnknownMoySkladProductError } from './product-resolver';

/** A МойСклад stand-in that answers from `catalog` and records every lookup. */
function fakeMoySklad(catalog: MsProduct[]) {
  const lookups: string[][] = [];
  return {
    lookups,
    catalog,
    findProductsByArticle: async (articles: readonly string[]) => {
      lookups.push([...articles]);
      return catalog.filter((product) => product.article !== undefined && articles.includes(product.article));
    },
  };
}

describe('the МойСклад product resolver', () => {
  const water = { id: 'ms-water', name: 'Вода питьевая 5 л', article: 'SKU-0020' };
  const cookies = { id: 'ms-cookies', name: 'Печенье овсяное 300 г', article: 'SKU-0021' };

  it('asks МойСклад once per SKU within the cache time, and again once an entry has expired', async () => {
    const moysklad = fakeMoySklad([water, cookies]);
    let now = 1_000_000;
    const resolve = createProductResolver(moysklad, 60_000, () => now);

    expect(await resolve('event-1', ['SKU-0020', 'SKU-0021'])).toEqual(new Map([['SKU-0020', 'ms-water'], ['SKU-0021', 'ms-cookies']]));
    now += 59_999;
    await resolve('event-2', ['SKU-0020']);
    expect(moysklad.lookups).toEqual([['SKU-0020', 'SKU-0021']]);

    now += 1;
    moysklad.catalog[0] = { ...water, id: 'ms-water-renumbered' };
    expect(await resolve('event-3', ['SKU-0020', 'SKU-0021'])).toEqual(new Map([['SKU-0020', 'ms-water-renumbered'], ['SKU-0021', 'ms-cookies']]));
    expect(moysklad.lookups).toEqual([['SKU-0020', 'SKU-0021'], ['SKU-0020', 'SKU-0021']]);
  });

  it('refuses for good an order naming an SKU МойСклад has no product for, naming it', async () => {
    const resolve = createProductResolver(fakeMoySklad([water]));
    const refusal = await resolve('event-4', ['SKU-0020', 'SKU-NONE']).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UnknownMoySkladProductError);
    expect(refusal).toMatchObject({ retryable: false, skus: ['SKU-NONE'], message: expect.stringContaining('SKU-NONE') });
  });
});
