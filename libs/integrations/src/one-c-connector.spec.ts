import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { oneCConnectorFromEnv } from './one-c-connector';
import { oneCODataOptionsFromEnv } from './one-c-odata/odata-options';

describe('ONEC_CONNECTOR: one port, two connectors', () => {
  it('is the HTTP service by default, and OData when asked', () => {
    expect(oneCConnectorFromEnv({}).kind).toBe('http-service');
    expect(oneCConnectorFromEnv({ ONEC_CONNECTOR: ' ' }).kind).toBe('http-service');
    const odata = oneCConnectorFromEnv({ ONEC_CONNECTOR: 'odata' });
    expect(odata.kind).toBe('odata');
    expect(Object.keys(odata.client).sort()).toEqual(Object.keys(oneCConnectorFromEnv({}).client).sort());
  });

  it('names the variable and both choices for anything else', () => {
    expect(() => oneCConnectorFromEnv({ ONEC_CONNECTOR: 'OData ' })).toThrow(ConfigError);
    expect(() => oneCConnectorFromEnv({ ONEC_CONNECTOR: 'soap' })).toThrow(/^ONEC_CONNECTOR must be http-service .* or odata/);
  });
});

describe('OData connector settings', () => {
  it('defaults to the sandbox’s stand-in, 60 s, Moscow time, Артикул, the comment, posting', () => {
    expect(oneCODataOptionsFromEnv({})).toMatchObject({
      serviceUrl: 'http://127.0.0.1:8100/ut11/odata/standard.odata',
      username: 'hub',
      timeoutMs: 60_000,
      timeZone: 'Europe/Moscow',
      skuField: 'Артикул',
      idempotencyField: 'Комментарий',
      postTransfers: true,
      pageSize: 500,
    });
  });

  it('takes every variable, and name overrides for a configuration that differs', () => {
    const options = oneCODataOptionsFromEnv({
      ONEC_BASE_URL: 'https://erp.example.test/',
      ONEC_ODATA_PATH: '/trade/odata/standard.odata',
      ONEC_TIMEOUT_MS: '90000',
      ONEC_TIMEZONE: 'Asia/Yekaterinburg',
      ONEC_ODATA_SKU_FIELD: 'Code',
      ONEC_ODATA_IDEMPOTENCY_FIELD: 'ДополнительнаяИнформация',
      ONEC_ODATA_ORGANIZATION_KEY: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
      ONEC_ODATA_POST_TRANSFERS: 'false',
      ONEC_ODATA_PAGE_SIZE: '200',
      ONEC_ODATA_NAMES: '{"warehouses":"Catalog_МоиСклады"}',
    });
    expect(options).toMatchObject({
      serviceUrl: 'https://erp.example.test/trade/odata/standard.odata',
      timeoutMs: 90_000,
      timeZone: 'Asia/Yekaterinburg',
      skuField: 'Code',
      idempotencyField: 'ДополнительнаяИнформация',
      postTransfers: false,
      pageSize: 200,
    });
    expect(options.names.warehouses).toBe('Catalog_МоиСклады');
    expect(options.names.products).toBe('Catalog_Номенклатура');
  });

  it('names the variable for each bad value', () => {
    const cases: Array<[string, string]> = [
      ['ONEC_TIMEZONE', 'Moscow/Kremlin'],
      ['ONEC_ODATA_ORGANIZATION_KEY', 'ООО Ромашка'],
      ['ONEC_ODATA_POST_TRANSFERS', 'yes'],
      ['ONEC_ODATA_PAGE_SIZE', '0'],
      ['ONEC_ODATA_PATH', '/odata'],
      ['ONEC_ODATA_SKU_FIELD', 'Артикул; drop'],
      ['ONEC_ODATA_NAMES', '{"shops":"Catalog_X"}'],
      ['ONEC_ODATA_NAMES', 'not json'],
      ['ONEC_TIMEOUT_MS', '0'],
    ];
    for (const [variable, value] of cases) {
      expect(() => oneCODataOptionsFromEnv({ [variable]: value }), `${variable}=${value}`).toThrow(new RegExp(`^${variable} `));
    }
  });
});
