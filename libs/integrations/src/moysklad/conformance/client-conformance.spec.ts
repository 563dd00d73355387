import { afterEach, describe, expect, it } from 'vitest';
import { jsonTypeAt, listenOnLoopback, readMoySkladDocExample, valueAt, type LoopbackServer } from '@hub/test-kit';
import { createMoySkladClient, type MsProductId } from '../client';

/**
 * The documentation's own examples (conformance/fixtures, each naming its file and lines in
 * md/ of moysklad/api-remap-1.2-doc) replayed against the client: a stub МойСклад on 127.0.0.1
 * answers them verbatim, and what the client sends is compared with the documented requests.
 */
const TOKEN = 'conformance-token-0123456789abcdef';
const API_HOST = 'https://api.moysklad.ru';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A stub МойСклад answering `body` with 200 to every request, recording the requests' paths and bodies. */
async function answering(body: unknown) {
  const received: Array<{ path: string; body: unknown }> = [];
  server = await listenOnLoopback(async (request) => {
    const url = new URL(request.url);
    const text = await request.text();
    received.push({ path: url.pathname + url.search, body: text ? (JSON.parse(text) as unknown) : undefined });
    return Response.json(body);
  });
  const client = createMoySkladClient({ baseUrl: server.url, token: TOKEN, publicBaseUrl: API_HOST });
  return { client, received };
}

describe('МойСклад documentation examples replayed against the client', () => {
  it('md/dictionaries/_product.md 462–957: reads every product of the list, both «Ar23» among them, with prices and VAT', async () => {
    const example = readMoySkladDocExample('product-list');
    const { client, received } = await answering(example.response.body);
    const products = await client.findProducts('article', ['Ar23']);

    expect(new URL(`http://x${received[0]!.path}`).searchParams.get('filter')).toBe('article=Ar23;archived=false');
    const ar23 = products.filter((product) => product.article === 'Ar23');
    expect(ar23.map((p) => [p.id, p.name])).toEqual([
      ['26b36824-2c83-11e6-8a84-bae50000001b', 'Тыква'],
      ['d950551c-2c7f-11e6-8a84-bae50000000b', 'Бананы'],
    ]);
    expect(ar23[0]).toMatchObject({
      archived: false,
      salePrices: [
        { priceType: 'Цена продажи', value: 3353 },
        { priceType: 'Цена для друзей', value: 3253 },
      ],
      buyPrice: 54,
      vat: 18,
      vatEnabled: true,
    });
  });

  it('md/documents/_customerOrder.md 875–1066: sends positions shaped like the documented ones and reads the created order', async () => {
    const example = readMoySkladDocExample('customerorder-create-with-positions');
    const documented = example.request.body as { organization: unknown; agent: unknown; positions: Array<Record<string, unknown>> };
    const { client, received } = await answering(example.response.body);
    const idOf = (href: string) => href.split('/').pop() as MsProductId;
    const created = await client.createCustomerOrder({
      organizationId: '850c8195-f504-11e5-8a84-bae50000015e',
      agentId: '9794d400-f689-11e5-8a84-bae500000078',
      externalCode: 'evt-conformance',
      positions: documented.positions.map((p) => ({
        productId: idOf(valueAt(p, 'assortment.meta.href') as string),
        quantity: p['quantity'] as number,
        price: p['price'] as number,
        vat: p['vat'] as number,
        vatEnabled: true,
        reserve: p['reserve'] as number,
      })),
    });
    expect(created).toEqual({ id: 'c49e83b3-01af-11e6-9464-e4de00000026', name: '000034', externalCode: 'DAD9peGij6sDNii49Dkam2', positionCount: 3, sum: 0 });

    const sent = received[0]!.body as typeof documented;
    // The references name the same entities by the same hrefs as the documentation's request.
    expect(valueAt(sent, 'organization.meta.href')).toBe(valueAt(documented, 'organization.meta.href'));
    expect(valueAt(sent, 'agent.meta.href')).toBe(valueAt(documented, 'agent.meta.href'));
    sent.positions.forEach((position, index) => {
      const model = documented.positions[index]!;
      for (const field of ['quantity', 'price', 'discount', 'vat', 'reserve', 'assortment.meta.href', 'assortment.meta.type']) {
        expect(jsonTypeAt(position, field), field).toBe(jsonTypeAt(model, field));
      }
      expect(valueAt(position, 'assortment.meta.href')).toBe(valueAt(model, 'assortment.meta.href'));
    });
  });

  it('md/documents/_customerOrder.md 361–483: reads the documented answer of a create back through a lookup by externalCode', async () => {
    const example = readMoySkladDocExample('customerorder-create-minimal');
    const { client, received } = await answering({ meta: { size: 1, limit: 1, offset: 0 }, rows: [example.response.body] });
    const found = await client.findCustomerOrderByExternalCode('08ehdxhRgVIB5-Sa-QNI42');
    expect(found).toEqual({ id: 'd9ceb08f-01ae-11e6-9464-e4de00000020', name: '00003', externalCode: '08ehdxhRgVIB5-Sa-QNI42', positionCount: 0, sum: 0 });
    expect(new URL(`http://x${received[0]!.path}`).searchParams.get('filter')).toBe('externalCode=08ehdxhRgVIB5-Sa-QNI42');
  });

  it('md/reports/_report_stock.md 1104–1372: the documented answer (grouped by variant) is refused rather than read as products', async () => {
    const example = readMoySkladDocExample('stock-bystore');
    const { client, received } = await answering(example.response.body);
    await expect(client.stockByStore()).rejects.toThrow(/type 'variant'/);
    expect(received[0]!.path).toContain('groupBy=product');
  });
});
