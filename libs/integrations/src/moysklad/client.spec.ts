import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackServer } from '@hub/test-kit';
import { failureOf } from '../testing';
import { createMoySkladClient, type MsProductId } from './client';

/** What a stub МойСклад received: method, path and query, and the JSON body. */
interface Received {
  method: string;
  path: string;
  body: unknown;
  /** Bytes of the request line and headers, as md/_restrictions.md line 16 counts them (at most 8 KB). */
  headerBytes: number;
}

const TOKEN = 'stub-moysklad-token-0123456789';
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A stub МойСклад on 127.0.0.1 answering `answer(request)`, recording what it received. */
async function stub(answer: (request: Received) => Response): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = await listenOnLoopback(async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    const path = url.pathname + url.search;
    const headerBytes =
      Buffer.byteLength(`${request.method} ${path} HTTP/1.1\r\n`) +
      [...request.headers].reduce((sum, [name, value]) => sum + Buffer.byteLength(`${name}: ${value}\r\n`), 0);
    const entry = { method: request.method, path, body: text ? (JSON.parse(text) as unknown) : undefined, headerBytes };
    received.push(entry);
    return answer(entry);
  });
  return { url: server.url, received };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('the МойСклад client: errors and waits as md/_general.md describes them', () => {
  it('keeps parameter, error_message and moreInfo of every errors[] entry in the error the operator sees', async () => {
    // md/_general.md lines 158–170: the fields of an error object.
    const { url } = await stub(() =>
      json(
        {
          errors: [
            {
              error: "Ошибка сохранения объекта: поле 'agent' не может быть пустым или отсутствовать",
              code: 3000,
              parameter: 'agent',
              error_message: 'нужен контрагент',
              moreInfo: 'https://dev.moysklad.ru/doc/api/remap/1.2/#error_3000',
            },
          ],
        },
        412,
      ),
    );
    const error = await failureOf(createMoySkladClient({ baseUrl: url, token: TOKEN }).listStores());
    expect(error.message).toContain('3000');
    expect(error.message).toContain('parameter agent');
    expect(error.message).toContain('нужен контрагент');
    expect(error.message).toContain('https://dev.moysklad.ru/doc/api/remap/1.2/#error_3000');
  });

  it('waits X-Lognex-Reset after a 429 that names no retry interval', async () => {
    // md/_general.md line 210: X-Lognex-Reset, the time until the limit resets, in milliseconds.
    const { url } = await stub(() =>
      json({ errors: [{ error: 'Превышено ограничение на количество запросов в единицу времени', code: 1049 }] }, 429, { 'X-Lognex-Reset': '2750' }),
    );
    const error = await failureOf(createMoySkladClient({ baseUrl: url, token: TOKEN }).listStores());
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 2750 });
  });
});

describe('the МойСклад client: hrefs name the API host (md/_errors.md line 60, error 1059)', () => {
  const API = 'https://api.moysklad.ru/api/remap/1.2';
  const order = { id: 'c49e83b3-01af-11e6-9464-e4de00000026', name: '000034', externalCode: 'evt-1', sum: 0, positions: { meta: { size: 1 } } };
  const productRow = {
    meta: { href: `${API}/entity/product/8b382799-f7d2-11e5-8a84-bae5000003a5`, type: 'product' },
    id: '8b382799-f7d2-11e5-8a84-bae5000003a5',
    name: 'Товар',
    article: 'A1',
    externalCode: 'x',
    archived: false,
  };
  /** A proxy in front of МойСклад: it answers МойСклад's own hrefs, whatever host the hub called. */
  const proxy = () =>
    stub((request) =>
      request.method === 'GET' ?
        json({ meta: { href: `${API}/entity/product`, size: 1, limit: 1000, offset: 0 }, rows: [productRow] })
      : json({ meta: { href: `${API}/entity/customerorder/${order.id}`, type: 'customerorder' }, ...order }),
    );
  const hrefsOf = (body: unknown): string[] =>
    JSON.stringify(body)
      .match(/"href":"[^"]+"/g)
      ?.map((h) => h.slice(8, -1)) ?? [];
  const parties = { organizationId: 'org-1', agentId: 'agent-1', storeId: 'store-1' };

  it("takes the API root from the service's own meta.href once it has seen one, even behind a proxy", async () => {
    const { url, received } = await proxy();
    const client = createMoySkladClient({ baseUrl: url, token: TOKEN });
    const [product] = await client.findProducts('article', ['A1']);
    await client.createCustomerOrder({
      ...parties,
      externalCode: 'evt-1',
      positions: [{ productId: product!.id, quantity: 1, price: 100, vat: 20, vatEnabled: true }],
    });
    const hrefs = hrefsOf(received[1]!.body);
    expect(hrefs).toHaveLength(4);
    for (const href of hrefs) expect(href.startsWith(`${API}/entity/`)).toBe(true);
  });

  it('uses the configured public base before any answer came', async () => {
    const { url, received } = await proxy();
    const client = createMoySkladClient({ baseUrl: url, token: TOKEN, publicBaseUrl: 'https://api.moysklad.ru' });
    await client.createCustomerOrder({
      ...parties,
      externalCode: 'evt-1',
      positions: [{ productId: productRow.id as MsProductId, quantity: 1, price: 100, vat: 20, vatEnabled: true }],
    });
    for (const href of hrefsOf(received[0]!.body)) expect(href.startsWith(`${API}/entity/`)).toBe(true);
  });
});

describe('the МойСклад client: request headers stay under 8 KB (md/_restrictions.md line 16)', () => {
  it('splits a product lookup of long Cyrillic articles by the encoded request size, and still asks for every article', async () => {
    const articles = Array.from({ length: 50 }, (_, i) => `Молоко ультрапастеризованное безлактозное ${String(i).padStart(2, '0')}`);
    const { url, received } = await stub((request) => {
      const filter = new URL(`http://x${request.path}`).searchParams.get('filter') ?? '';
      const asked = filter
        .split(';')
        .filter((c) => c.startsWith('article='))
        .map((c) => c.slice('article='.length));
      const rows = asked.map((article, i) => ({
        meta: { href: `https://api.moysklad.ru/api/remap/1.2/entity/product/${encodeURIComponent(article)}`, type: 'product' },
        id: `${article}-${i}`,
        name: article,
        article,
        externalCode: article,
        archived: false,
      }));
      return json({ meta: { size: rows.length, limit: 1000, offset: 0 }, rows });
    });
    const found = await createMoySkladClient({ baseUrl: url, token: TOKEN }).findProducts('article', articles);
    expect(found.map((p) => p.article).sort()).toEqual([...articles].sort());
    expect(received.length).toBeGreaterThan(1);
    for (const request of received) expect(request.headerBytes).toBeLessThanOrEqual(8 * 1024);
  });
});

describe('the МойСклад client: the stock-by-store report as the hub means it (md/reports/_report_stock.md)', () => {
  const fixture = JSON.parse(readFileSync(join(__dirname, 'conformance/fixtures/stock-bystore.json'), 'utf8')) as {
    response: { body: { meta: object; rows: Array<{ meta: { href: string; type: string }; stockByStore: Array<{ stock: number }> }> } };
  };
  const API = 'https://api.moysklad.ru/api/remap/1.2';
  const store = (name: string, stock: number) => ({
    meta: { href: `${API}/entity/store/86c857d6-0302-11e6-9464-e4de00000072`, type: 'store' },
    name,
    stock,
    reserve: 0,
    inTransit: 0,
  });
  const unstocked = {
    meta: { href: `${API}/entity/product/0000aaaa-0000-11e6-9464-e4de00000001?expand=supplier`, type: 'product' },
    stockByStore: [store('Основной склад', 0)],
  };

  /** Answers as the documentation says: variant rows unless groupBy=product (line 1100), zero stock left out unless stockMode=all (lines 1018, 1023–1033). */
  const report = () =>
    stub((request) => {
      const query = new URL(`http://x${request.path}`).searchParams;
      const filter = (query.get('filter') ?? '').split(';');
      const rows = [...fixture.response.body.rows, unstocked]
        .filter((row) => query.get('groupBy') !== 'product' || row.meta.type === 'product')
        .filter((row) => filter.includes('stockMode=all') || row.stockByStore.some((s) => s.stock !== 0));
      return json({ ...fixture.response.body, meta: { ...fixture.response.body.meta, size: rows.length }, rows });
    });

  it('asks for rows grouped by product with zero stock included, so every row is a product and none is missing', async () => {
    const { url, received } = await report();
    const rows = await createMoySkladClient({ baseUrl: url, token: TOKEN }).stockByStore();
    const products = fixture.response.body.rows.filter((row) => row.meta.type === 'product').length;
    expect(rows).toHaveLength(products + 1);
    expect(rows.map((row) => row.productId)).toContain('0000aaaa-0000-11e6-9464-e4de00000001');
    const variantIds = fixture.response.body.rows.filter((row) => row.meta.type === 'variant').map((row) => new URL(row.meta.href).pathname.split('/').pop());
    for (const row of rows) expect(variantIds).not.toContain(row.productId);
    expect(received[0]!.path).toContain('groupBy=product');
  });

  it('refuses a report row that is not a product instead of passing its id on as a product id', async () => {
    const { url } = await stub(() => json(fixture.response.body));
    const error = await failureOf(createMoySkladClient({ baseUrl: url, token: TOKEN }).stockByStore());
    expect(error).toMatchObject({ code: 'bad_response', retryable: false });
    expect(error.message).toContain('variant');
  });
});
