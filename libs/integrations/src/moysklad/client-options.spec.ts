import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { MOYSKLAD_ENV_DEFAULTS, moySkladSettingsFromEnv } from './client-options';

describe('moySkladSettingsFromEnv', () => {
  it('falls back to the sandbox and the documented limits when nothing is set', () => {
    expect(moySkladSettingsFromEnv({ MOYSKLAD_TOKEN: ' ' })).toEqual({
      client: { baseUrl: 'http://127.0.0.1:8100', token: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN, timeoutMs: 15_000, tokenWeight: 4, windowUnits: 45 },
      parties: {
        organizationId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID,
        agentId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID,
        storeId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID,
      },
      limits: { windowMs: 3_000, unitsPerWindow: 45, parallel: 5 },
      ordering: { skuField: 'article', price: { kind: 'salePrice', priceType: 'Цена продажи' }, reserve: false },
    });
  });

  it("reads a real account's settings", () => {
    const settings = moySkladSettingsFromEnv({ MOYSKLAD_BASE_URL: 'https://api.moysklad.ru', MOYSKLAD_TOKEN: 't0k3n', MOYSKLAD_TOKEN_WEIGHT: '1' });
    expect(settings.client).toMatchObject({ baseUrl: 'https://api.moysklad.ru', token: 't0k3n', tokenWeight: 1 });
    expect(moySkladSettingsFromEnv({ MOYSKLAD_SKU_FIELD: 'externalCode', MOYSKLAD_PRICE_TYPE: 'buyPrice', MOYSKLAD_RESERVE: 'true' }).ordering).toEqual({
      skuField: 'externalCode',
      price: { kind: 'buyPrice' },
      reserve: true,
    });
    expect(moySkladSettingsFromEnv({ MOYSKLAD_PRICE_TYPE: 'Оптовая цена' }).ordering.price).toEqual({ kind: 'salePrice', priceType: 'Оптовая цена' });
    const proxied = moySkladSettingsFromEnv({ MOYSKLAD_BASE_URL: 'http://proxy.internal:8080', MOYSKLAD_PUBLIC_BASE_URL: 'https://api.moysklad.ru' });
    expect(proxied.client).toMatchObject({ baseUrl: 'http://proxy.internal:8080', publicBaseUrl: 'https://api.moysklad.ru' });
  });

  it('names the variable it cannot use, never its value', () => {
    const attempt = () => moySkladSettingsFromEnv({ MOYSKLAD_BASE_URL: 'ftp://secret-host', MOYSKLAD_TOKEN: 'secret-token' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^MOYSKLAD_BASE_URL must be an http\(s\) URL/);
    expect(() => moySkladSettingsFromEnv({ MOYSKLAD_PARALLEL_LIMIT: '-1' })).toThrow('MOYSKLAD_PARALLEL_LIMIT must be a positive number of requests');
    expect(() => moySkladSettingsFromEnv({ MOYSKLAD_SKU_FIELD: 'barcode' })).toThrow('MOYSKLAD_SKU_FIELD must be one of article, code, externalCode');
    expect(() => moySkladSettingsFromEnv({ MOYSKLAD_RESERVE: 'yes' })).toThrow('MOYSKLAD_RESERVE must be true or false');
  });
});
