import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMoySkladClient, MOYSKLAD_ENV_DEFAULTS, type MoySkladClient, type MsOrderPosition, type MsProductId } from '@hub/integrations';
import { failureOf } from '@hub/integrations/testing';
import { serveSandbox, type ServedSandbox } from '../testing/serve-sandbox';
import type { MsSandboxLimits } from './request-limits';

const TOKEN = 'ms-token-never-shown-0123456789';
const PARTIES = {
  organizationId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID,
  agentId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID,
  storeId: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID,
};
const ROOMY: Partial<MsSandboxLimits> = { tokenWeight: 1, unitsPerWindow: 1_000 };

let sandbox: ServedSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(limits: Partial<MsSandboxLimits> = ROOMY, timeoutMs = 5_000): Promise<{ client: MoySkladClient; served: ServedSandbox }> {
  sandbox = await serveSandbox({ moysklad: { tokens: [TOKEN], limits } });
  const client = createMoySkladClient({ baseUrl: sandbox.baseUrl, token: TOKEN, timeoutMs, tokenWeight: 1 });
  return { client, served: sandbox };
}

/** A position at 12.50 ₽ (1,250 kopecks) with 20 % VAT included. */
const position = (productId: MsProductId, quantity: number): MsOrderPosition => ({ productId, quantity, price: 1_250, vat: 20, vatEnabled: true });

async function productIds(client: MoySkladClient, count: number): Promise<MsProductId[]> {
  const articles = Array.from({ length: count }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`);
  return (await client.findProducts('article', articles)).map((product) => product.id);
}

describe('МойСклад client against the sandbox, over HTTP', () => {
  it('reads stores, finds products by article (unknown ones simply missing) and the stock report by store', async () => {
    const { client } = await start();
    expect((await client.listStores()).map((store) => store.id)).toContain(PARTIES.storeId);
    const found = await client.findProducts('article', ['SKU-0001', 'SKU-0030', 'SKU-9999', 'SKU-0001']);
    expect(found.map((product) => product.article).sort()).toEqual(['SKU-0001', 'SKU-0030']);
    expect(found.every((product) => !product.archived && product.externalCode.length > 0)).toBe(true);
    const stock = await client.stockByStore(PARTIES.storeId);
    expect(stock).toHaveLength(30);
    expect(stock[0]?.stores).toEqual([expect.objectContaining({ storeId: PARTIES.storeId, stock: 500 })]);
  });

  it('finds every non-archived product sharing an article, and looks up by code or externalCode too', async () => {
    const { client, served } = await start();
    const [pumpkin, bananas] = served.state.moysklad.addProducts([
      { name: 'Тыква', article: 'Ar23', code: 'pumpkin1', externalCode: '456pumpkin' },
      { name: 'Бананы', article: 'Ar23', code: 'one1', externalCode: '456' },
      { name: 'Старая тыква', article: 'Ar23', archived: true },
    ]);
    expect((await client.findProducts('article', ['Ar23'])).map((p) => p.id).sort()).toEqual([pumpkin!.id, bananas!.id].sort());
    expect((await client.findProducts('code', ['one1'])).map((p) => p.name)).toEqual(['Бананы']);
    expect((await client.findProducts('externalCode', ['456pumpkin'])).map((p) => p.name)).toEqual(['Тыква']);
  });

  it('reports stock per product with variants summed in and products without stock included, as the client asks', async () => {
    const { client, served } = await start();
    const [jacket, empty] = served.state.moysklad.addProducts([
      {
        name: 'Куртка',
        article: 'JACKET',
        stock: 2,
        variants: [
          { name: 'S', stock: 3 },
          { name: 'M', stock: 4 },
        ],
      },
      { name: 'Пустой товар', article: 'EMPTY', stock: 0 },
    ]);
    const rows = await client.stockByStore(PARTIES.storeId);
    expect(rows.find((row) => row.productId === jacket!.id)?.stores).toEqual([expect.objectContaining({ stock: 9 })]);
    expect(rows.find((row) => row.productId === empty!.id)?.stores).toEqual([expect.objectContaining({ stock: 0 })]);
    const variantIds = jacket!.variants.map((v) => v.id);
    expect(rows.filter((row) => variantIds.includes(row.productId))).toEqual([]);

    // Asked as the documentation's own example does (no groupBy, no stockMode): variants are rows, the empty product is not.
    const raw = await fetch(`${served.baseUrl}/api/remap/1.2/report/stock/bystore`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip' },
    });
    const types = ((await raw.json()) as { rows: Array<{ meta: { href: string; type: string } }> }).rows;
    expect(types.filter((row) => row.meta.type === 'variant')).toHaveLength(2);
    expect(types.some((row) => row.meta.href.includes(empty!.id))).toBe(false);
  });

  it('creates a customer order with externalCode and finds it again by that code', async () => {
    const { client, served } = await start();
    const [first, second] = await productIds(client, 2);
    const created = await client.createCustomerOrder({ ...PARTIES, externalCode: 'evt-1', positions: [position(first!, 6), position(second!, 12)] });
    expect(created).toMatchObject({ externalCode: 'evt-1', positionCount: 2, name: '00001' });
    await expect(client.findCustomerOrderByExternalCode('evt-1')).resolves.toEqual(created);
    await expect(client.findCustomerOrderByExternalCode('evt-unknown')).resolves.toBeNull();
    expect(served.state.moysklad.customerOrders.documents[0]).toMatchObject({
      organizationId: PARTIES.organizationId,
      agentId: PARTIES.agentId,
      storeId: PARTIES.storeId,
    });
  });

  it('splits 2,500 positions: the create carries 1,000, two POST …/positions add the rest', async () => {
    const { client, served } = await start();
    const ids = await productIds(client, 30);
    const positions = Array.from({ length: 2_500 }, (_, i) => position(ids[i % ids.length]!, i + 1));
    const created = await client.createCustomerOrder({ ...PARTIES, externalCode: 'evt-big', positions });
    expect(created.positionCount).toBe(2_500);
    const [document] = served.state.moysklad.customerOrders.documents;
    expect(document?.positions.map((p) => p.quantity)).toEqual(positions.map((p) => p.quantity));
    // One product lookup, one create, two POST …/positions.
    expect(served.state.moysklad.limits.counts.admitted).toBe(1 + 1 + 2);
  });

  it('resumes an order whose positions stopped part-way, adding only the missing ones', async () => {
    const { client, served } = await start();
    const ids = await productIds(client, 30);
    const positions = Array.from({ length: 1_200 }, (_, i) => position(ids[i % 30]!, 1));
    const partial = await client.createCustomerOrder({ ...PARTIES, externalCode: 'evt-part', positions: positions.slice(0, 1_000) });
    const found = await client.findCustomerOrderByExternalCode('evt-part');
    const completed = await client.completeCustomerOrderPositions(found!, positions);
    expect(completed).toEqual({ ...partial, positionCount: 1_200 });
    expect(served.state.moysklad.customerOrders.documents[0]?.positions).toHaveLength(1_200);
  });

  it('returns the first order again for a repeated syncId, and the sandbox counts the repeat', async () => {
    const { client, served } = await start();
    const [id] = await productIds(client, 1);
    const order = { ...PARTIES, externalCode: 'evt-2', syncId: 'c4b7a1e2-9f3d-4e5a-8b6c-7d8e9f0a1b2c', positions: [position(id!, 1)] };
    const first = await client.createCustomerOrder(order);
    await expect(client.createCustomerOrder(order)).resolves.toEqual(first);
    expect(served.state.moysklad.customerOrders.summary()).toMatchObject({ createRequests: 2, duplicateRequests: 1, duplicateDocuments: 0 });
  });

  it('refuses a wrong token with 401, final, and never shows the token', async () => {
    const { served } = await start();
    const wrong = createMoySkladClient({ baseUrl: served.baseUrl, token: 'wrong-token-secret', tokenWeight: 1 });
    const error = await failureOf(wrong.listStores());
    expect(error).toMatchObject({ system: 'moysklad', status: 401, code: 'http_401', retryable: false });
    expect(error.message).toContain('1056');
    expect(error.message).not.toContain('wrong-token-secret');
  });

  it("calibrates a token's weight from the first answer's X-RateLimit-Limit, so a wrong MOYSKLAD_TOKEN_WEIGHT cannot exceed the limit", async () => {
    // md/_restrictions.md line 41: a draft solution's token weighs 4 → 11 requests per 3 s; the hub was told 1.
    sandbox = await serveSandbox({ moysklad: { tokens: [TOKEN], limits: { tokenWeight: 4 } } });
    const weights: number[] = [];
    const rateLimiter = {
      acquire: async (weight: number) => {
        weights.push(weight);
        return { release: async () => undefined };
      },
    };
    const client = createMoySkladClient({ baseUrl: sandbox.baseUrl, token: TOKEN, tokenWeight: 1, rateLimiter });
    await client.listStores();
    await client.findProducts('article', ['SKU-0001']);
    await client.stockByStore();
    await client.listStores();
    expect(weights).toEqual([1, 4, 5, 4]);
  });

  it('sends nothing else while its first request calibrates the weight, so requests started together are charged what МойСклад states', async () => {
    sandbox = await serveSandbox({ moysklad: { tokens: [TOKEN], limits: { tokenWeight: 4 } } });
    const weights: number[] = [];
    const rateLimiter = {
      acquire: async (weight: number) => {
        weights.push(weight);
        return { release: async () => undefined };
      },
    };
    const client = createMoySkladClient({ baseUrl: sandbox.baseUrl, token: TOKEN, tokenWeight: 1, rateLimiter });
    await Promise.all([client.listStores(), client.listStores(), client.listStores()]);
    expect(weights).toEqual([1, 4, 4]);
  });

  it('gets 429 with error 1049 over the window budget, retryable after the interval МойСклад names', async () => {
    const { client } = await start({ tokenWeight: 1, unitsPerWindow: 2, windowMs: 60_000 });
    await client.listStores();
    await client.listStores();
    const error = await failureOf(client.listStores());
    expect(error).toMatchObject({ status: 429, code: 'http_429', retryable: true });
    expect(error.message).toContain('1049');
    expect(error.retryAfterMs).toBeGreaterThan(50_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('gets 429 with error 1073 while another request of the same token is still running', async () => {
    const { client, served } = await start({ ...ROOMY, parallelPerToken: 1 });
    // A create whose body arrives slowly holds the token's only slot until it is complete.
    const url = new URL(`${served.baseUrl}/api/remap/1.2/entity/customerorder`);
    const slow = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip', 'content-type': 'application/json' },
    });
    const slowAnswered = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    slow.write('{"externalCode": "slow",');
    await expect.poll(() => served.state.moysklad.limits.counts.admitted).toBe(1);

    const error = await failureOf(client.listStores());
    expect(error).toMatchObject({ status: 429, code: 'http_429', retryable: true, retryAfterMs: undefined });
    expect(error.message).toContain('1073');

    slow.end('"positions": []}');
    expect(await slowAnswered).toBe(412);
    await expect(client.listStores()).resolves.not.toHaveLength(0);
  });

  it('refuses more than 1,000 positions in one array with 413 (error 2022), and a body that is not JSON with 400 (error 2001)', async () => {
    const { served } = await start();
    const product = served.state.moysklad.seed.products[0]!;
    const href = `${served.baseUrl}/api/remap/1.2/entity/product/${product.id}`;
    const positions = Array.from({ length: 1_001 }, () => ({ assortment: { meta: { href, type: 'product' } }, quantity: 1 }));
    const ref = (type: string, id: string) => ({ meta: { href: `${served.baseUrl}/api/remap/1.2/entity/${type}/${id}`, type } });
    const body = { organization: ref('organization', PARTIES.organizationId), agent: ref('counterparty', PARTIES.agentId), externalCode: 'x', positions };
    const response = await fetch(`${served.baseUrl}/api/remap/1.2/entity/customerorder`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ code: 2022 }] });
    expect(served.state.moysklad.customerOrders.documents).toEqual([]);

    const notJson = await fetch(`${served.baseUrl}/api/remap/1.2/entity/customerorder`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip', 'content-type': 'application/json' },
      body: '{"externalCode": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ errors: [{ code: 2001 }] });
  });

  it('times out when МойСклад answers later than the configured bound', async () => {
    const { served } = await start(ROOMY);
    served.state.faults.add({ system: 'moysklad', times: 1, latencyMs: 500 });
    const impatient = createMoySkladClient({ baseUrl: served.baseUrl, token: TOKEN, timeoutMs: 100 });
    const error = await failureOf(impatient.listStores());
    expect(error).toMatchObject({ code: 'timeout', retryable: true });
    expect(error.message).toMatch(/100 ms/);
  });

  it('stops a create when the caller cancels it, long before its own timeout, and says so', async () => {
    const { client, served } = await start(ROOMY, 60_000);
    const [product] = await productIds(client, 1);
    // МойСклад holds the answer for a minute: only the caller's cancellation can end the call.
    served.state.faults.add({ system: 'moysklad', times: 1, latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = failureOf(
      client.createCustomerOrder({ ...PARTIES, externalCode: 'evt-c', positions: [position(product!, 1)] }, { signal: controller.signal }),
    );
    controller.abort(new Error('delivery timed out'));
    const error = await pending;
    expect(error).toMatchObject({ code: 'cancelled', retryable: true });
    expect(error.message).toMatch(/cancelled by the caller before an answer came: delivery timed out/);
  });

  it('answers gzip-compressed, and refuses a request that does not accept gzip with 415 and no body', async () => {
    const { served } = await start();
    const compressed = await fetch(`${served.baseUrl}/api/remap/1.2/entity/store`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip' },
    });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    // md/_general.md: every answer tells how much of the window is left.
    expect(
      Object.fromEntries(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-lognex-retry-timeinterval'].map((h) => [h, compressed.headers.get(h)])),
    ).toEqual({
      'x-ratelimit-limit': '1000',
      'x-ratelimit-remaining': '999',
      'x-lognex-retry-timeinterval': '3000',
    });
    const plain = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${served.baseUrl}/api/remap/1.2/entity/store`);
      const req = httpRequest(url, { headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
        let body = '';
        res.on('data', (part: Buffer) => (body += part.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(plain).toEqual({ status: 415, body: '' });
  });
});
