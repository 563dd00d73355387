import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXTERNAL_ERROR_CODES } from '../errors';
import { ODATA_ERROR_CODES, ODataError } from './odata-error';
import { createODataTransport, type ODataRequest } from './odata-transport';
import { odataError, startODataStub, type SeenRequest } from './testing/odata-stub';

let stub: Awaited<ReturnType<typeof startODataStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const LOGIN = 'Интеграция Хаб';
const PASSWORD = 'пароль-never-shown';
const anything = z.unknown();

async function transportAnswering(respond: (request: SeenRequest) => Response | Promise<Response>, timeoutMs = 5_000) {
  stub = await startODataStub(respond);
  return createODataTransport({ serviceUrl: stub.serviceUrl, username: LOGIN, password: PASSWORD, timeoutMs });
}

async function failureOf(call: Promise<unknown>): Promise<ODataError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ODataError);
  return error as ODataError;
}

const get = (resource: string, query: ODataRequest<unknown>['query'] = {}): ODataRequest<unknown> => ({ method: 'GET', resource, query, schema: anything });

describe('1С OData transport: the pitfalls of the standard interface', () => {
  it('percent-encodes Cyrillic names as UTF-8 and spaces as %20, never +', async () => {
    // A real 1С reads + literally and answers 500; the stub does the same.
    const odata = await transportAnswering((request) =>
      request.rawQuery.includes('+') ? odataError(500, '14', 'Ошибка разбора') : Response.json({ value: [] }),
    );
    await odata(get('Catalog_Склады', { $filter: 'IsFolder eq false and DeletionMark eq false' }));
    const [request] = stub!.seen;
    expect(request!.rawPath).toBe('/base/odata/standard.odata/Catalog_%D0%A1%D0%BA%D0%BB%D0%B0%D0%B4%D1%8B');
    expect(request!.rawQuery).toBe('$format=json&$filter=IsFolder%20eq%20false%20and%20DeletionMark%20eq%20false');
    expect(request!.query['$filter']).toBe('IsFolder eq false and DeletionMark eq false');
  });

  it('keeps 1С’s key and function syntax literal in the path', async () => {
    const odata = await transportAnswering(() => Response.json({ value: [] }));
    await odata(get("AccumulationRegister_ТоварыНаСкладах/Balance(Period=datetime'2026-12-03T09:00:00',Dimensions='Номенклатура,Склад')"));
    expect(stub!.seen[0]!.rawPath).toContain("/Balance(Period=datetime'2026-12-03T09:00:00',Dimensions='");
    expect(stub!.seen[0]!.resource).toBe("AccumulationRegister_ТоварыНаСкладах/Balance(Period=datetime'2026-12-03T09:00:00',Dimensions='Номенклатура,Склад')");
  });

  it('sends Basic auth over the UTF-8 bytes of a Cyrillic login, $format=json, and never 1C_OData-DataLoadMode', async () => {
    const odata = await transportAnswering(() => Response.json({ Ref_Key: 'x' }, { status: 201 }));
    await odata(get('Catalog_Склады'));
    await odata({ method: 'POST', resource: 'Document_ПеремещениеТоваров', body: { Комментарий: 'x' }, schema: anything });
    for (const request of stub!.seen) {
      const encoded = request.headers.get('authorization')!.replace(/^Basic /, '');
      expect(Buffer.from(encoded, 'base64').toString('utf8')).toBe(`${LOGIN}:${PASSWORD}`);
      expect(request.query['$format']).toBe('json');
      expect(request.headers.has('1c_odata-dataloadmode')).toBe(false);
    }
    expect(stub!.seen[1]!.body).toEqual({ Комментарий: 'x' });
  });

  it('calls an HTML page answered with 200 an auth problem, not data, and never retries it', async () => {
    const page = '<!DOCTYPE html><html><body>Вход в 1С:Предприятие</body></html>';
    const odata = await transportAnswering(() => new Response(page, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } }));
    const error = await failureOf(odata(get('Catalog_Склады')));
    expect(error).toMatchObject({ code: ODATA_ERROR_CODES.htmlPage, retryable: false, status: 200 });
    expect(error.message).toMatch(/HTML page .* check ONEC_USERNAME, ONEC_PASSWORD/);
  });

  it('reads a body declared windows-1251 but sent as UTF-8 as UTF-8, and a real cp1251 body as cp1251', async () => {
    const utf8 = Buffer.from(JSON.stringify({ value: [{ Description: 'Склад Подольск' }] }), 'utf8');
    let body: Buffer = utf8;
    const odata = await transportAnswering(() => new Response(body, { headers: { 'content-type': 'application/json;charset=windows-1251' } }));
    await expect(odata(get('Catalog_Склады'))).resolves.toEqual({ value: [{ Description: 'Склад Подольск' }] });
    // «Склад» in cp1251: not valid UTF-8, so the declaration is believed.
    body = Buffer.concat([Buffer.from('{"value":[{"Description":"'), Buffer.from([0xd1, 0xea, 0xeb, 0xe0, 0xe4]), Buffer.from('"}]}')]);
    await expect(odata(get('Catalog_Склады'))).resolves.toEqual({ value: [{ Description: 'Склад' }] });
  });

  it('turns odata.error bodies into typed errors: 404 code 9 is "not found", 500 code -1 a business error that is not retried', async () => {
    let answer = odataError(404, '9', 'Экземпляр сущности "ПеремещениеТоваров" не найден по переданному ключу.');
    const odata = await transportAnswering(() => answer);
    const notFound = await failureOf(odata(get("Document_ПеремещениеТоваров(guid'00000000-0000-0000-0000-000000000001')")));
    expect(notFound).toMatchObject({ status: 404, odataCode: '9', isNotFound: true, retryable: false });

    answer = odataError(500, '-1', 'Недостаточно товаров на складе Подольск');
    const business = await failureOf(odata(get('Document_ПеремещениеТоваров')));
    expect(business).toMatchObject({ status: 500, odataCode: '-1', code: ODATA_ERROR_CODES.businessError, retryable: false });
    expect(business.message).toContain('Недостаточно товаров на складе Подольск');

    answer = odataError(500, '0', 'Сеанс прерван');
    expect(await failureOf(odata(get('Catalog_Склады')))).toMatchObject({ code: EXTERNAL_ERROR_CODES.serverError, retryable: true });
    answer = odataError(400, '14', 'Ошибка при разборе опции запроса $filter');
    expect(await failureOf(odata(get('Catalog_Склады')))).toMatchObject({ status: 400, code: 'http_400', odataCode: '14', retryable: false });
  });

  it('names the role on 401 and never echoes the password', async () => {
    const odata = await transportAnswering(() => odataError(401, '20', `Пользователь ${LOGIN} пароль ${PASSWORD} не найден`));
    const error = await failureOf(odata(get('Catalog_Склады')));
    expect(error).toMatchObject({ status: 401, code: EXTERNAL_ERROR_CODES.unauthorized, retryable: false });
    expect(error.message).toMatch(/УдаленныйДоступOData/);
    expect(error.message).not.toContain(PASSWORD);
  });

  it('gives up after timeoutMs with a retryable timeout', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const odata = await transportAnswering(async () => {
      await held;
      return Response.json({ value: [] });
    }, 200);
    const error = await failureOf(odata(get('Catalog_Склады')));
    release();
    expect(error).toMatchObject({ code: EXTERNAL_ERROR_CODES.timeout, retryable: true });
    expect(error.message).toMatch(/within 200 ms/);
  });
});
