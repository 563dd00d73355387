import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { awaitODataPublication, checkODataMetadata, ODataPublicationError } from './metadata-check';
import { ODATA_ERROR_CODES, ODataError } from './odata-error';
import { requiredMetadata, UT11_ODATA_NAMES, type ODataRequirement } from './odata-names';
import { odataError, startODataStub } from './testing/odata-stub';

/** A verbatim excerpt of a real УТ 11 $metadata (see the file's header for its source and licence). */
const REAL_UT = readFileSync(new URL('./fixtures/ut-real.excerpt.edmx', import.meta.url), 'utf8');

let stub: Awaited<ReturnType<typeof startODataStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

/** Serves `xml` as $metadata, 7 bytes at a time, so multi-byte letters are split across chunks as on a real network. */
async function check(xml: string, requirements: readonly ODataRequirement[], respond?: () => Response) {
  stub = await startODataStub(
    respond ??
      (() => {
        const bytes = Buffer.from(xml, 'utf8');
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7));
            controller.close();
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/xml;charset=utf-8' } });
      }),
  );
  return checkODataMetadata({ serviceUrl: stub.serviceUrl, username: 'hub', password: 'secret', timeoutMs: 5_000 }, requirements);
}

async function missingOf(call: Promise<void>): Promise<ODataPublicationError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ODataPublicationError);
  return error as ODataPublicationError;
}

/** What the hub would need if it used these objects of the real file: sets, fields, a bound Balance and SliceLast. */
const ON_THE_REAL_FILE: ODataRequirement[] = [
  { entitySet: 'AccumulationRegister_РасчетыСКлиентамиПланОплат', fields: ['Recorder', 'Recorder_Type'], functions: { Balance: [], Turnovers: [] } },
  { entitySet: 'AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType', fields: ['Period', 'LineNumber', 'КОплате', 'Валюта_Key', 'Валюта'] },
  { entitySet: 'InformationRegister_пр_ОчередьДействий_RecordType', fields: ['Предмет', 'Сценарий_Key', 'Выполнено'], functions: { SliceLast: ['Предмет'] } },
];

describe('start-up check of $metadata', () => {
  it('passes on a real УТ $metadata for the objects it holds, read as a stream', async () => {
    await expect(check(REAL_UT, ON_THE_REAL_FILE)).resolves.toBeUndefined();
    expect(stub!.seen.map((r) => r.resource)).toEqual(['$metadata']);
  });

  it('fails on a copy with an object removed, naming it and how to publish it', async () => {
    const withoutRecords = REAL_UT.replace(/\s*<EntitySet Name="AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType"[^>]*\/>/, '');
    expect(withoutRecords).not.toBe(REAL_UT);
    const error = await missingOf(check(withoutRecords, ON_THE_REAL_FILE));
    expect(error.missing).toEqual(['entity set AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType']);
    expect(error.message).toMatch(
      /^1С's standard OData interface does not publish what the hub uses: entity set AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType\. /,
    );
    expect(error.message).toContain('«Настройка стандартного интерфейса OData»');
    expect(error.message).toContain('УдаленныйДоступOData');
  });

  it('names a missing field, a missing bound function and fields missing from a function’s result', async () => {
    const requirements: ODataRequirement[] = [
      { entitySet: 'AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType', fields: ['КОплате', 'Артикул'] },
      { entitySet: 'AccumulationRegister_пр_ВыпускПроукцииПоСменам', fields: [], functions: { Balance: [], Turnovers: [] } },
      // The excerpt keeps the FunctionImport but not its result type: the fields cannot be found.
      { entitySet: 'AccumulationRegister_РасчетыСКлиентамиПланОплат', fields: [], functions: { Balance: ['КОплатеBalance'] } },
    ];
    expect((await missingOf(check(REAL_UT, requirements))).missing).toEqual([
      'field Артикул of AccumulationRegister_РасчетыСКлиентамиПланОплат_RecordType',
      'function Balance of AccumulationRegister_пр_ВыпускПроукцииПоСменам',
      'КОплатеBalance in the result of AccumulationRegister_РасчетыСКлиентамиПланОплат/Balance',
    ]);
  });

  it('names, in one message, every УТ object the connector uses that the real file’s author trimmed away', async () => {
    const error = await missingOf(check(REAL_UT, requiredMetadata({ ...UT11_ODATA_NAMES }, 'Артикул', 'Комментарий')));
    expect(error.missing).toEqual([
      'entity set Catalog_Склады',
      'entity set Catalog_Номенклатура',
      'entity set Catalog_УпаковкиЕдиницыИзмерения',
      'entity set InformationRegister_ТоварныеОграничения',
      'entity set AccumulationRegister_ТоварыНаСкладах',
      'entity set Document_ПеремещениеТоваров',
      'entity set Document_ПеремещениеТоваров_Товары',
    ]);
  });

  it('reports a publication it cannot read as a 1С error, not as missing objects', async () => {
    const page = () => new Response('<html><body>401 Unauthorized</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(await check('', ON_THE_REAL_FILE, page).catch((e: unknown) => e)).toMatchObject({ code: ODATA_ERROR_CODES.htmlPage });
    const refused = await check('', ON_THE_REAL_FILE, () => odataError(401, '20', 'Нет прав')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ODataError);
    expect(refused).toMatchObject({ status: 401, retryable: false });
    const broken = await check('<edmx:Edmx><Schema>', ON_THE_REAL_FILE).catch((e: unknown) => e);
    expect((broken as Error).message).toMatch(/not readable XML/);
  });

  it('waits for a publication that is not up yet, and gives up on one that never answers', async () => {
    let answers = 0;
    stub = await startODataStub(() => {
      answers += 1;
      return answers <= 2 ? new Response('Service Unavailable', { status: 503 }) : new Response(REAL_UT, { headers: { 'content-type': 'application/xml' } });
    });
    const options = { serviceUrl: stub.serviceUrl, username: 'hub', password: 'secret', timeoutMs: 5_000 };
    await expect(awaitODataPublication(options, ON_THE_REAL_FILE, { waitMs: 10_000, pauseMs: 10 })).resolves.toBeUndefined();
    expect(answers).toBe(3);
    await stub.close();
    const gone = await awaitODataPublication(options, ON_THE_REAL_FILE, { waitMs: 50, pauseMs: 10 }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: 'network', retryable: true });
    stub = undefined;
  });
});
