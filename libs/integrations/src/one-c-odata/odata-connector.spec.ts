import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ODATA_ERROR_CODES, ODataError } from './odata-error';
import { createOneCODataConnector } from './odata-connector';
import { hubMarker } from './transfer-document';
import { UT11_ODATA_NAMES } from './odata-names';
import { EMPTY_REF } from './odata-values';
import { odataError, startODataStub, type SeenRequest } from './testing/odata-stub';

let stub: Awaited<ReturnType<typeof startODataStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const DC = guid(1);
const STORE = guid(2);
const ORG = guid(99);
const products = Array.from({ length: 7 }, (_, i) => ({
  Ref_Key: guid(100 + i),
  Description: `Товар ${i}`,
  Артикул: `SKU-${i}`,
  ЕдиницаИзмерения_Key: guid(500),
}));

type Doc = Record<string, unknown> & { Ref_Key: string; Posted: boolean; Комментарий: string };

/** A small 1С base behind the stub: enough for the connector's calls, with failures a spec can arm. */
function fakeBase() {
  const documents: Doc[] = [];
  const faults = { postFailures: 0, createAnswerLost: false };
  const page = <T>(rows: T[], request: SeenRequest) => {
    expect(request.query['$orderby']).toBeDefined();
    const skip = Number(request.query['$skip'] ?? 0);
    const top = Number(request.query['$top'] ?? rows.length);
    return Response.json({ value: rows.slice(skip, skip + top) });
  };
  const respond = (request: SeenRequest): Response => {
    const { resource } = request;
    if (resource === 'Catalog_Склады')
      return page(
        [
          { Ref_Key: DC, Description: 'РЦ Подольск' },
          { Ref_Key: STORE, Description: 'Магазин Тверская' },
        ],
        request,
      );
    if (resource === 'Catalog_Номенклатура') return page(products, request);
    if (resource === 'Catalog_УпаковкиЕдиницыИзмерения')
      return page(
        [
          { Ref_Key: guid(500), Description: 'шт', Числитель: 1, Знаменатель: 1 },
          { Ref_Key: guid(506), Description: 'уп (6 шт)', Числитель: 6, Знаменатель: 1 },
        ],
        request,
      );
    if (resource === 'InformationRegister_ТоварныеОграничения') {
      return page(
        [
          {
            Номенклатура_Key: guid(100),
            Характеристика_Key: EMPTY_REF,
            Склад_Key: STORE,
            ГруппировкаТоварныхОграничений_Key: EMPTY_REF,
            МинимальноеКоличествоЗапаса: 18,
            МаксимальноеКоличествоЗапаса: 72,
            УпаковкаЗаказа_Key: guid(506),
          },
        ],
        request,
      );
    }
    if (resource.startsWith('AccumulationRegister_ТоварыНаСкладах/Balance(')) {
      return Response.json({
        value: [
          { Номенклатура_Key: guid(100), Склад_Key: STORE, ВНаличииBalance: 6.5, КОтгрузкеBalance: '1' },
          { Номенклатура_Key: guid(999), Склад_Key: STORE, ВНаличииBalance: 3 },
        ],
      });
    }
    if (resource === 'Document_ПеремещениеТоваров' && request.method === 'GET') {
      const needle = /substringof\('([^']*)'/.exec(request.query['$filter'] ?? '')?.[1] ?? '';
      return page(
        documents.filter((d) => d.Комментарий.includes(needle)),
        request,
      );
    }
    if (resource === 'Document_ПеремещениеТоваров' && request.method === 'POST') {
      const body = request.body as Doc;
      const document: Doc = { ...body, Ref_Key: randomUUID(), Number: `ПМ-${documents.length + 1}`, Posted: false, DeletionMark: false, Статус: 'Отгружено' };
      documents.push(document);
      if (faults.createAnswerLost) {
        faults.createAnswerLost = false;
        return new Response(null, { status: 502 });
      }
      return Response.json(document, { status: 201 });
    }
    const post = /^Document_ПеремещениеТоваров\(guid'(.+)'\)\/Post$/.exec(resource);
    if (post) {
      if (faults.postFailures > 0) {
        faults.postFailures -= 1;
        return odataError(500, '-1', 'Недостаточно товаров на складе РЦ Подольск');
      }
      documents.find((d) => d.Ref_Key === post[1])!.Posted = true;
      return new Response(null, { status: 200 });
    }
    const one = /^Document_ПеремещениеТоваров\(guid'(.+)'\)$/.exec(resource);
    if (one) {
      const document = documents.find((d) => d.Ref_Key === one[1]);
      return document ? Response.json(document) : odataError(404, '9', 'Экземпляр сущности не найден');
    }
    return odataError(404, '8', `Тип сущности не найден: ${resource}`);
  };
  return { documents, faults, respond };
}

async function connectedTo(base: ReturnType<typeof fakeBase>, overrides: { postTransfers?: boolean; pageSize?: number } = {}) {
  stub = await startODataStub(base.respond);
  return createOneCODataConnector({
    serviceUrl: stub.serviceUrl,
    username: 'hub',
    password: 'secret',
    timeoutMs: 5_000,
    names: { ...UT11_ODATA_NAMES },
    skuField: 'Артикул',
    idempotencyField: 'Комментарий',
    organizationKey: ORG,
    postTransfers: overrides.postTransfers ?? true,
    timeZone: 'Europe/Moscow',
    pageSize: overrides.pageSize ?? 3,
    now: () => new Date('2026-12-03T06:00:00Z'),
  });
}

const ORDER = {
  hubOrderId: '0b9e3c55-3f0e-4d6b-9d3c-0f6f2f0e8a11',
  sourceWarehouseId: DC,
  targetWarehouseId: STORE,
  lines: [
    { productId: guid(100), sku: 'SKU-0', quantity: 66 },
    { productId: guid(101), sku: 'SKU-1', quantity: 12 },
  ],
};

describe('1С OData connector: reading', () => {
  it('reads every product $top/$skip at a time ordered by Ref_Key, since 1С does not page by itself', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base, { pageSize: 3 });
    const stock = await oneC.getStock(STORE);
    const pages = stub!.seen.filter((r) => r.resource === 'Catalog_Номенклатура').map((r) => [r.query['$skip'], r.query['$top'], r.query['$orderby']]);
    expect(pages).toEqual([
      ['0', '3', 'Ref_Key'],
      ['3', '3', 'Ref_Key'],
      ['6', '3', 'Ref_Key'],
    ]);
    expect(stub!.seen.some((r) => '$inlinecount' in r.query)).toBe(false);
    // A balance of a product 1С does not list (a folder, deleted) is left out; stock is counted down to whole units.
    expect(stock).toEqual([{ productId: guid(100), sku: 'SKU-0', name: 'Товар 0', onHand: 6, reserved: 1, unit: 'шт' }]);
  });

  it('reads stock through the Balance virtual table at the server’s local time, for one warehouse', async () => {
    const oneC = await connectedTo(fakeBase());
    await oneC.getStock(STORE);
    const balance = stub!.seen.find((r) => r.resource.includes('/Balance('))!;
    expect(balance.resource).toBe(
      `AccumulationRegister_ТоварыНаСкладах/Balance(Period=datetime'2026-12-03T09:00:00',Condition='Склад_Key eq guid'${STORE}'',Dimensions='Номенклатура,Склад')`,
    );
  });

  it('lists warehouses by Ref_Key with Description (no Code), items only', async () => {
    const oneC = await connectedTo(fakeBase());
    expect(await oneC.listWarehouses()).toEqual([
      { id: DC, code: 'РЦ Подольск', name: 'РЦ Подольск' },
      { id: STORE, code: 'Магазин Тверская', name: 'Магазин Тверская' },
    ]);
    expect(stub!.seen[0]!.query['$filter']).toBe('IsFolder eq false and DeletionMark eq false');
  });

  it('reads norms in force only, the multiple from the order pack', async () => {
    const oneC = await connectedTo(fakeBase());
    expect(await oneC.getReplenishmentSettings(STORE)).toEqual([{ productId: guid(100), sku: 'SKU-0', min: 18, max: 72, multiple: 6 }]);
    expect(stub!.seen.find((r) => r.resource === 'InformationRegister_ТоварныеОграничения')!.query['$filter']).toBe('ЭтоДействующийПараметр eq true');
  });
});

describe('1С OData connector: writing transfers once', () => {
  it('creates the document with lines numbered from 1 and the event id in the comment, then posts it', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base);
    const eventId = randomUUID();
    const { order, replayed } = await oneC.createTransferOrder(ORDER, { idempotencyKey: eventId });
    expect(replayed).toBe(false);
    expect(order).toMatchObject({ number: 'ПМ-1', status: 'shipped', hubOrderId: ORDER.hubOrderId, sourceWarehouseId: DC, targetWarehouseId: STORE });
    const created = stub!.seen.find((r) => r.method === 'POST' && r.resource === 'Document_ПеремещениеТоваров')!;
    expect(created.body).toEqual({
      Date: '2026-12-03T09:00:00',
      Организация_Key: ORG,
      СкладОтправитель_Key: DC,
      СкладПолучатель_Key: STORE,
      Комментарий: hubMarker(eventId, ORDER.hubOrderId),
      Товары: [
        { LineNumber: '1', Номенклатура_Key: guid(100), Количество: 66, КоличествоУпаковок: 66 },
        { LineNumber: '2', Номенклатура_Key: guid(101), Количество: 12, КоличествоУпаковок: 12 },
      ],
    });
    // Looked up before the create.
    const calls = stub!.seen.map((r) => `${r.method} ${r.resource.replace(/\(guid'.*'\)/, '(…)')}`).filter((c) => c.includes('Document'));
    expect(calls).toEqual(['GET Document_ПеремещениеТоваров', 'POST Document_ПеремещениеТоваров', 'POST Document_ПеремещениеТоваров(…)/Post']);
    expect(base.documents.map((d) => d.Posted)).toEqual([true]);
  });

  it('never creates twice: a retry after a lost answer finds the document by the event id', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base);
    const eventId = randomUUID();
    base.faults.createAnswerLost = true;
    await expect(oneC.createTransferOrder(ORDER, { idempotencyKey: eventId })).rejects.toMatchObject({ retryable: true, status: 502 });
    const { order, replayed } = await oneC.createTransferOrder(ORDER, { idempotencyKey: eventId });
    expect(replayed).toBe(true);
    expect(base.documents).toHaveLength(1);
    expect(order).toMatchObject({ id: base.documents[0]!.Ref_Key, status: 'shipped' });
    await oneC.createTransferOrder(ORDER, { idempotencyKey: eventId });
    expect(base.documents).toHaveLength(1);
  });

  it('posts on retry a document created but not posted (1С refused posting: a business error, not retryable)', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base);
    const eventId = randomUUID();
    base.faults.postFailures = 1;
    const refused = await oneC.createTransferOrder(ORDER, { idempotencyKey: eventId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ODataError);
    expect(refused).toMatchObject({ code: ODATA_ERROR_CODES.businessError, retryable: false, odataCode: '-1' });
    expect(base.documents.map((d) => d.Posted)).toEqual([false]);
    const { replayed, order } = await oneC.createTransferOrder(ORDER, { idempotencyKey: eventId });
    expect(replayed).toBe(true);
    expect(order.status).toBe('shipped');
    expect(base.documents.map((d) => d.Posted)).toEqual([true]);
    expect(stub!.seen.filter((r) => r.method === 'POST' && r.resource === 'Document_ПеремещениеТоваров')).toHaveLength(1);
  });

  it('leaves the document unposted when told to', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base, { postTransfers: false });
    const { order } = await oneC.createTransferOrder(ORDER, { idempotencyKey: randomUUID() });
    expect(order.status).toBe('draft');
    expect(stub!.seen.some((r) => r.resource.endsWith('/Post'))).toBe(false);
  });

  it('refuses a product 1С does not list before creating anything', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base);
    const bad = { ...ORDER, lines: [{ productId: guid(999), sku: 'SKU-X', quantity: 1 }] };
    await expect(oneC.createTransferOrder(bad, { idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: 'invalid_request', retryable: false });
    expect(base.documents).toHaveLength(0);
  });
});

describe('1С OData connector: reconciliation', () => {
  it('reads each sent document’s state: posted, status, deletion mark, or gone', async () => {
    const base = fakeBase();
    const oneC = await connectedTo(base, { postTransfers: false });
    const { order } = await oneC.createTransferOrder(ORDER, { idempotencyKey: randomUUID() });
    const document = base.documents[0]!;
    expect((await oneC.getTransferOrder(order.id))?.status).toBe('draft');
    document.Posted = true;
    expect((await oneC.getTransferOrder(order.id))?.status).toBe('shipped');
    expect((await oneC.listOpenTransferOrders()).map((o) => o.id)).toEqual([order.id]);
    document['Статус'] = 'Принято';
    expect(await oneC.getTransferOrder(order.id)).toMatchObject({ status: 'received', hubOrderId: ORDER.hubOrderId });
    document.DeletionMark = true;
    expect((await oneC.getTransferOrder(order.id))?.status).toBe('cancelled');
    expect(await oneC.getTransferOrder(guid(12345))).toBeNull();
    const open = stub!.seen.filter((r) => r.method === 'GET' && r.resource === 'Document_ПеремещениеТоваров').at(-1)!;
    expect(open.query['$filter']).toBe("DeletionMark eq false and Статус ne 'Принято' and substringof('integration-hub event=', Комментарий) eq true");
  });
});
