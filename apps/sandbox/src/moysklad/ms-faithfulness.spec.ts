import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MOYSKLAD_ENV_DEFAULTS } from '@hub/integrations';
import { createSandboxApp } from '../app';

/**
 * The sandbox's МойСклад answers as the documentation says the real one does, checked with
 * plain requests (no hub client), so the sandbox cannot merely agree with the client.
 */
const TOKEN = MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN;
const API = 'http://localhost/api/remap/1.2';
const headers = { authorization: `Bearer ${TOKEN}`, 'accept-encoding': 'gzip' };

function sandbox(limits = { tokenWeight: 1, unitsPerWindow: 1_000 }) {
  const { app, state } = createSandboxApp({ moysklad: { limits } });
  const call = async (path: string, init: RequestInit = {}) => {
    const answer = await app.request(`${API}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
    // app.request() leaves the gzip the sandbox answers with (as МойСклад does) to the caller.
    const body = Buffer.from(await answer.arrayBuffer());
    const plain = answer.headers.get('content-encoding') === 'gzip' ? gunzipSync(body) : body;
    return new Response(answer.status === 204 ? null : plain, { status: answer.status, headers: answer.headers });
  };
  return { call, state };
}
const errorsOf = async (response: Response) => ((await response.json()) as { errors: Array<{ error: string; code?: number }> }).errors;

describe("the sandbox's МойСклад, as md/ describes МойСклад", () => {
  it('refuses an Accept other than application/json;charset=utf-8 with error 1062 (md/_errors.md line 63), and takes */* or none', async () => {
    const { call } = sandbox();
    const refused = await call('/entity/store', { headers: { accept: 'application/xml' } });
    expect(refused.status).toBe(400);
    expect(await errorsOf(refused)).toMatchObject([{ code: 1062 }]);
    for (const accept of ['application/json;charset=utf-8', 'application/json; charset=UTF-8', '*/*']) {
      expect((await call('/entity/store', { headers: { accept } })).status).toBe(200);
    }
    expect((await call('/entity/store')).status).toBe(200);
  });

  it("answers an unknown path below /api/remap/1.2 in МойСклад's error shape, error 1002 (md/_errors.md line 9)", async () => {
    const { call } = sandbox();
    const response = await call('/entity/nosuchthing');
    expect(response.status).toBe(404);
    expect(await errorsOf(response)).toMatchObject([{ code: 1002, error: expect.stringContaining('/entity/nosuchthing') }]);
  });

  it('answers an injected 429 as МойСклад does: error 1049 and its own headers, no standard Retry-After (md/_general.md lines 205–211)', async () => {
    const { call, state } = sandbox();
    state.faults.add({ system: 'moysklad', status: 429, retryAfterSeconds: 2, times: 1 });
    const response = await call('/entity/store');
    expect(response.status).toBe(429);
    expect(await errorsOf(response)).toMatchObject([{ code: 1049 }]);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(response.headers.get('x-lognex-retry-after')).toBe('2000');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    state.faults.add({ system: 'moysklad', status: 503, times: 1 });
    const unavailable = await call('/entity/store');
    expect(unavailable.status).toBe(503);
    expect(await errorsOf(unavailable)).toHaveLength(1);
  });

  it('filters with ~, ~=, =~, != and archived (md/_general.md lines 1239–1291)', async () => {
    const { call } = sandbox();
    const articles = async (filter: string) =>
      ((await (await call(`/entity/product?filter=${encodeURIComponent(filter)}`)).json()) as { rows: Array<{ article: string }> }).rows.map((r) => r.article);
    expect(await articles('article~SKU-000')).toHaveLength(9);
    expect(await articles('article~=SKU-001')).toHaveLength(10);
    expect(await articles('article=~0')).toEqual(['SKU-0010', 'SKU-0020', 'SKU-0030']);
    expect(await articles('article!=SKU-0001;article!=SKU-0002')).toHaveLength(28);
    expect(await articles('archived=true')).toEqual([]);
    expect(await articles('archived=false')).toHaveLength(30);
    const mixed = await call(`/entity/product?filter=${encodeURIComponent('article=SKU-0001;article~SKU')}`);
    expect(await errorsOf(mixed)).toMatchObject([{ code: 1034 }]);
  });

  it("lists an order's positions with price, VAT and reserve (md/documents/_customerOrder.md lines 2374–2526)", async () => {
    const { call, state } = sandbox();
    const [product] = state.moysklad.seed.products;
    const ref = (type: string, id: string) => ({ meta: { href: `${API}/entity/${type}/${id}`, type } });
    const created = await call('/entity/customerorder', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organization: ref('organization', MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID),
        agent: ref('counterparty', MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID),
        positions: [{ assortment: ref('product', product!.id), quantity: 3, price: 1_000, vat: 20, reserve: 2 }],
      }),
    });
    const order = (await created.json()) as { id: string; sum: number; reservedSum: number };
    expect(order).toMatchObject({ sum: 3_000, reservedSum: 2_000 });
    const positions = (await (await call(`/entity/customerorder/${order.id}/positions`)).json()) as { rows: unknown[] };
    expect(positions.rows).toEqual([expect.objectContaining({ quantity: 3, price: 1_000, vat: 20, reserve: 2 })]);
  });

  it('charges the weights md/_restrictions.md lists (lines 32–45) from its own table: 5 only for GET /report/stock/all and /report/stock/bystore', async () => {
    const { call } = sandbox({ tokenWeight: 1, unitsPerWindow: 45 });
    const remaining = async (path: string) => Number((await call(path)).headers.get('x-ratelimit-remaining'));
    expect(await remaining('/report/stock/bystore?groupBy=product')).toBe(40);
    expect(await remaining('/report/stock/bystore/current')).toBe(39);
    expect(await remaining('/entity/store')).toBe(38);
  });
});
