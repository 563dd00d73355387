import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkODataMetadata,
  createOneCClient,
  createOneCODataConnector,
  ODataPublicationError,
  oneCODataOptionsFromEnv,
  requiredMetadata,
  type OneCClient,
} from '@hub/integrations';
import { DEMO_WAREHOUSE_IDS } from '../app';
import { basicAuth, DEFAULT_AUTH } from '../testing/basic-auth';
import { serveSandbox, type ServedSandbox } from '../testing/serve-sandbox';
import { ODATA_STANDIN_PREFIX } from './odata-routes';
import { SANDBOX_ORGANIZATION_KEY } from './ut11-tables';

let sandbox: ServedSandbox;
let odata: OneCClient;
let httpService: OneCClient;
let options: ReturnType<typeof oneCODataOptionsFromEnv>;

beforeAll(async () => {
  sandbox = await serveSandbox();
  options = { ...oneCODataOptionsFromEnv({ ONEC_BASE_URL: sandbox.baseUrl }), timeoutMs: 5_000, pageSize: 7 };
  odata = createOneCODataConnector(options);
  httpService = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 5_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

/** A raw request to the stand-in: `path` below the service root, written exactly as given. */
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.baseUrl}${ODATA_STANDIN_PREFIX}/${path}`, { ...init, headers: { authorization: DEFAULT_AUTH, ...init.headers } });
const odataError = async (response: Response) => ({
  status: response.status,
  ...((await response.json()) as { 'odata.error': { code: string; message: { value: string } } })['odata.error'],
});
const SKLADY = encodeURIComponent('Catalog_Склады');
const TRANSFERS = encodeURIComponent('Document_ПеремещениеТоваров');
const PRODUCT = '0c6f0003-5a2e-11ee-8c99-0242ac120002';
const validLine = (n: unknown) => ({ LineNumber: n, Номенклатура_Key: PRODUCT, Количество: 6 });
const transfer = (lines: unknown[]) =>
  JSON.stringify({
    Организация_Key: SANDBOX_ORGANIZATION_KEY,
    СкладОтправитель_Key: DEMO_WAREHOUSE_IDS.distributionCentre,
    СкладПолучатель_Key: DEMO_WAREHOUSE_IDS.storeKazan,
    Товары: lines,
  });

describe('the OData stand-in is as strict as the platform', () => {
  it('asks for Basic credentials, read as UTF-8', async () => {
    expect((await raw(`${SKLADY}?$format=json`, { headers: { authorization: basicAuth('hub', 'wrong') } })).status).toBe(401);
    const refused = await raw(`${SKLADY}?$format=json`, { headers: { authorization: '' } });
    expect(await odataError(refused)).toMatchObject({ status: 401, code: '20' });
    expect(refused.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('answers Atom without $format=json, and 500 to a space written as +', async () => {
    const atom = await raw(SKLADY);
    expect(atom.headers.get('content-type')).toMatch(/atom/);
    expect(await odataError(await raw(`${SKLADY}?$format=json&$filter=IsFolder+eq+false`))).toMatchObject({ status: 500, code: '14' });
    const ok = await raw(`${SKLADY}?$format=json&$filter=IsFolder%20eq%20false`);
    // Four warehouses and one marked for deletion; the folder is left out.
    expect(((await ok.json()) as { value: unknown[] }).value).toHaveLength(5);
  });

  it('refuses what it does not parse, unknown fields, and eq on a string of unlimited length', async () => {
    expect(await odataError(await raw(`${SKLADY}?$format=json&$filter=${encodeURIComponent('Description gt 1')}`))).toMatchObject({ status: 400, code: '14' });
    expect(await odataError(await raw(`${SKLADY}?$format=json&$select=Code`))).toMatchObject({ status: 400, code: '6' });
    expect(await odataError(await raw(`${TRANSFERS}?$format=json&$filter=${encodeURIComponent("Комментарий eq 'x'")}`))).toMatchObject({
      status: 400,
      code: '14',
    });
  });

  it('counts with $inlinecount as a string and then ignores $top/$skip, as 1С does', async () => {
    const body = (await (await raw(`${SKLADY}?$format=json&$inlinecount=allpages&$top=1&$skip=1`)).json()) as { 'odata.count': unknown; value: unknown[] };
    expect(body['odata.count']).toBe('6');
    expect(body.value).toHaveLength(6);
  });

  it('refuses Товары rows without LineNumber (500) or not numbered from 1 (400), and writes nothing', async () => {
    const post = (body: string) => raw(`${TRANSFERS}?$format=json`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(await odataError(await post(transfer([{ Номенклатура_Key: PRODUCT, Количество: 6 }])))).toMatchObject({ status: 500, code: '-1' });
    expect(await odataError(await post(transfer([validLine('2')])))).toMatchObject({ status: 400, code: '4' });
    expect(await odataError(await post(transfer([validLine(1), validLine(3)])))).toMatchObject({ status: 400, code: '4' });
    expect(await odataError(await post(transfer([{ ...validLine(1), Номенклатура_Key: randomUUID() }])))).toMatchObject({ status: 400, code: '4' });
    expect(sandbox.state.odataTransfers.documents).toHaveLength(0);
    const created = await post(transfer([validLine('1'), validLine(2)]));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ Posted: false, Статус: 'Отгружено', Товары: [{ LineNumber: '1' }, { LineNumber: '2' }] });
  });

  it('refuses the data load mode header, and answers 404 code 9 for an unknown document', async () => {
    const loadMode = await raw(`${TRANSFERS}?$format=json`, { method: 'POST', body: transfer([validLine(1)]), headers: { '1C_OData-DataLoadMode': 'true' } });
    expect(await odataError(loadMode)).toMatchObject({ status: 400, code: '17' });
    expect(await odataError(await raw(`${TRANSFERS}(guid'${randomUUID()}')?$format=json`))).toMatchObject({ status: 404, code: '9' });
  });
});

describe('the OData connector against the stand-in', () => {
  it('passes the start-up check on the stand-in’s $metadata; a copy without Catalog_Склады fails naming it', async () => {
    const requirements = requiredMetadata(options.names, options.skuField, options.idempotencyField);
    await expect(checkODataMetadata(options, requirements)).resolves.toBeUndefined();
    const withoutWarehouses = async (input: string | URL | Request, init?: RequestInit) => {
      const text = await (await fetch(input, init)).text();
      return new Response(text.replace(/<EntitySet Name="Catalog_Склады"[^>]*\/>/, ''), { headers: { 'content-type': 'application/xml' } });
    };
    const error = await checkODataMetadata({ ...options, fetch: withoutWarehouses as typeof fetch }, requirements).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ODataPublicationError);
    expect((error as Error).message).toContain('entity set Catalog_Склады');
  });

  it('reads the same network as the HTTP-service connector: warehouses, norms (item → group, in force only) and stock', async () => {
    const [viaOData, viaService] = [await odata.listWarehouses(), await httpService.listWarehouses()];
    expect(viaOData.map((w) => [w.id, w.name])).toEqual(viaService.map((w) => [w.id, w.name]));
    const byProduct = <T extends { productId: string }>(rows: T[]) => [...rows].sort((a, b) => a.productId.localeCompare(b.productId));
    for (const warehouse of viaService) {
      expect(byProduct(await odata.getReplenishmentSettings(warehouse.id))).toEqual(byProduct(await httpService.getReplenishmentSettings(warehouse.id)));
      expect(byProduct(await odata.getStock(warehouse.id))).toEqual(byProduct(await httpService.getStock(warehouse.id)));
    }
  });

  it('writes a transfer once, posts it, and reads its state back', async () => {
    const eventId = randomUUID();
    const order = {
      hubOrderId: randomUUID(),
      sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
      targetWarehouseId: DEMO_WAREHOUSE_IDS.storeKazan,
      lines: [{ productId: PRODUCT, sku: 'SKU-0003', quantity: 12 }],
    };
    const first = await odata.createTransferOrder(order, { idempotencyKey: eventId });
    const again = await odata.createTransferOrder(order, { idempotencyKey: eventId });
    expect(again).toEqual({ order: first.order, replayed: true });
    expect(sandbox.state.odataTransfers.documents).toHaveLength(1);
    expect(Object.fromEntries(sandbox.state.odataTransfers.postings)).toEqual({ [first.order.id]: 1 });
    expect(await odata.listOpenTransferOrders()).toEqual([first.order]);
    await fetch(`${sandbox.baseUrl}/__sandbox/odata/transfers/${first.order.id}/receive`, { method: 'POST' });
    expect(await odata.getTransferOrder(first.order.id)).toMatchObject({ status: 'received', hubOrderId: order.hubOrderId });
    expect(await odata.listOpenTransferOrders()).toEqual([]);
  });
});
