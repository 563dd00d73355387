import { describe, expect, it } from 'vitest';
import { ONE_C_API_PREFIX } from '@hub/integrations';
import { createSandboxApp, DEMO_WAREHOUSE_IDS } from './app';
import { basicAuth as basic } from './testing/basic-auth';

const AUTH = { authorization: basic('hub', 'hub-sandbox') };
const api = (path: string) => `http://localhost${ONE_C_API_PREFIX}${path}`;

describe('sandbox app: auth and catalogue', () => {
  it('answers /health without credentials', async () => {
    const { app } = createSandboxApp();
    const response = await app.request('http://localhost/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses the 1С API without or with wrong credentials, as JSON with a Basic challenge', async () => {
    const { app } = createSandboxApp();
    const attempts: Record<string, string>[] = [{}, { authorization: basic('hub', 'wrong') }, { authorization: basic('someone', 'hub-sandbox') }];
    for (const headers of attempts) {
      const response = await app.request(api('/warehouses'), { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('accepts the credentials it was created with instead of the defaults', async () => {
    const { app } = createSandboxApp({ username: 'erp', password: 'other' });
    expect((await app.request(api('/warehouses'), { headers: AUTH })).status).toBe(401);
    expect((await app.request(api('/warehouses'), { headers: { authorization: basic('erp', 'other') } })).status).toBe(200);
  });

  it('serves a distribution centre and three stores, each with stock and norms for all 30 products', async () => {
    const { app } = createSandboxApp();
    const { items: warehouses } = (await (await app.request(api('/warehouses'), { headers: AUTH })).json()) as {
      items: { id: string; name: string }[];
    };
    expect(warehouses.map((w) => w.id)).toEqual(Object.values(DEMO_WAREHOUSE_IDS));
    for (const { id } of warehouses) {
      const stock = (await (await app.request(api(`/warehouses/${id}/stock`), { headers: AUTH })).json()) as {
        warehouseId: string;
        items: { sku: string; onHand: number }[];
      };
      const settings = (await (await app.request(api(`/warehouses/${id}/replenishment-settings`), { headers: AUTH })).json()) as {
        items: { min: number; max: number; multiple: number }[];
      };
      expect(stock.warehouseId).toBe(id);
      expect(new Set(stock.items.map((item) => item.sku)).size).toBe(30);
      expect(settings.items).toHaveLength(30);
      expect(settings.items.every((s) => s.min > 0 && s.max >= s.min && s.multiple > 0)).toBe(true);
    }
  });

  it('answers an unknown warehouse and an unknown route with JSON 404s', async () => {
    const { app } = createSandboxApp();
    const missing = await app.request(api('/warehouses/no-such-id/stock'), { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'warehouse no-such-id does not exist' } });
    const unknownRoute = await app.request('http://localhost/nowhere');
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
