import { Hono, type Context } from 'hono';
import type { SandboxState } from '../state/sandbox-state';
import { ODATA_CODES, ODataRefusal, odataErrorJson } from './odata-answers';
import { ut11Metadata } from './odata-metadata';
import { answerCollection, compileFilter, parseRawQuery, type Row } from './odata-query';
import { balanceRows, normRows, packRows, productRows, warehouseRows } from './ut11-tables';
import { UT11_SHAPES, type EntityShape } from './ut11-shapes';

/** Where the stand-in publishes УТ 11's standard OData interface (`<base>/odata/standard.odata`, the guide, lines 60–80). */
export const ODATA_STANDIN_PREFIX = '/ut11/odata/standard.odata';

const READABLE: Array<[EntityShape, (state: SandboxState) => Row[]]> = [
  [UT11_SHAPES.warehouses, warehouseRows],
  [UT11_SHAPES.products, productRows],
  [UT11_SHAPES.packs, packRows],
  [UT11_SHAPES.norms, normRows],
  [UT11_SHAPES.transfers, (state) => state.odataTransfers.documents],
];
const BALANCE_DIMENSIONS = new Set(['Номенклатура', 'Характеристика', 'Склад']);

function checkCredentials(c: Context, username: string, password: string): void {
  const header = c.req.header('authorization') ?? '';
  const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : undefined;
  if (given !== `${username}:${password}`) {
    c.header('WWW-Authenticate', 'Basic realm="1C:Enterprise"');
    throw new ODataRefusal(401, ODATA_CODES.accessDenied, 'Идентификация пользователя не выполнена');
  }
}

/** `Balance(Period=datetime'…',Condition='…',Dimensions='…')` over the sandbox's stock. */
function balance(state: SandboxState, parameters: string): Row[] {
  const period = /(?:^|,)Period=datetime'(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})'/.exec(parameters);
  const condition = /(?:^|,)Condition='(.*?)'(?=,[A-Za-z]|$)/.exec(parameters);
  const dimensions = /(?:^|,)Dimensions='([^']*)'/.exec(parameters);
  const known = parameters
    .replace(period?.[0] ?? '', '')
    .replace(condition?.[0] ?? '', '')
    .replace(dimensions?.[0] ?? '', '');
  if (known.replace(/,/g, '') !== '' || (parameters.includes('Period=') && !period)) {
    throw new ODataRefusal(400, ODATA_CODES.badUrl, `Неверные параметры функции Balance: ${parameters}`);
  }
  const dims = dimensions ? dimensions[1]!.split(',').map((d) => d.trim()) : [...BALANCE_DIMENSIONS];
  const unknown = dims.find((d) => !BALANCE_DIMENSIONS.has(d));
  if (unknown) throw new ODataRefusal(400, ODATA_CODES.badUrl, `Измерение ${unknown} не найдено в регистре ТоварыНаСкладах`);
  const rows = balanceRows(state).filter(compileFilter(UT11_SHAPES.stockBalance, condition?.[1]));
  const grouped = new Map<string, Row>();
  for (const row of rows) {
    const key = dims.map((d) => row[`${d}_Key`]).join('|');
    const sum = grouped.get(key) ?? { ...Object.fromEntries(dims.map((d) => [`${d}_Key`, row[`${d}_Key`]])), ВНаличииBalance: 0, КОтгрузкеBalance: 0 };
    sum['ВНаличииBalance'] = Number(sum['ВНаличииBalance']) + Number(row['ВНаличииBalance']);
    sum['КОтгрузкеBalance'] = Number(sum['КОтгрузкеBalance']) + Number(row['КОтгрузкеBalance']);
    grouped.set(key, sum);
  }
  return [...grouped.values()];
}

/**
 * The OData stand-in: Basic auth (UTF-8), `$format=json` (without it, Atom as the platform answers),
 * the `$filter` subset the hub uses, `$select`/`$orderby`/`$top`/`$skip`/`$inlinecount`,
 * ТоварыНаСкладах/Balance(…), POST Document_ПеремещениеТоваров and `…/Post`, odata.error answers,
 * and a trimmed `$metadata`.
 */
export function odataRoutes(state: SandboxState, credentials: { username: string; password: string }): Hono {
  const routes = new Hono();
  routes.all('*', async (c) => {
    checkCredentials(c, credentials.username, credentials.password);
    if (c.req.header('1c_odata-dataloadmode') !== undefined) {
      throw new ODataRefusal(
        400,
        ODATA_CODES.loadModeRefused,
        'Режим загрузки данных (1C_OData-DataLoadMode) интеграции не разрешён: он отключает проверки 1С',
      );
    }
    const url = new URL(c.req.url);
    const resource = decodeURIComponent(url.pathname.slice(url.pathname.indexOf(ODATA_STANDIN_PREFIX) + ODATA_STANDIN_PREFIX.length + 1));
    const options = parseRawQuery(url.search.slice(1));
    if (resource === '$metadata' && c.req.method === 'GET') return c.body(ut11Metadata(), 200, { 'content-type': 'application/xml;charset=utf-8' });
    if (options['$format'] !== 'json' && !(c.req.header('accept') ?? '').includes('application/json')) {
      // The platform's default is Atom XML (the guide, line 91): a client that forgets $format gets no JSON.
      return c.body('<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 200, {
        'content-type': 'application/atom+xml;charset=utf-8',
      });
    }
    const transfers = state.odataTransfers;
    const documentKey = new RegExp(`^${UT11_SHAPES.transfers.name}\\(guid'([0-9a-f-]{36})'\\)(/Post)?$`, 'i').exec(resource);
    if (documentKey && c.req.method === 'POST' && documentKey[2]) {
      if (!('PostingModeOperational' in options))
        throw new ODataRefusal(400, ODATA_CODES.missingValue, 'Отсутствует обязательный аргумент метода Post: PostingModeOperational');
      transfers.post(documentKey[1]!);
      return c.body(null, 200);
    }
    if (documentKey && c.req.method === 'GET' && !documentKey[2]) return c.json(transfers.find(documentKey[1]!));
    if (resource === UT11_SHAPES.transfers.name && c.req.method === 'POST') {
      const body = await c.req.json().catch(() => {
        throw new ODataRefusal(400, ODATA_CODES.badFormat, 'Не удалось разобрать тело запроса как JSON');
      });
      const document = transfers.create(body, { warehouse: (id) => state.hasWarehouse(id), product: (id) => state.findProduct(id) !== undefined });
      return c.json(document, 201);
    }
    const balanceCall = /^AccumulationRegister_ТоварыНаСкладах\/Balance\((.*)\)$/.exec(resource);
    if (balanceCall && c.req.method === 'GET') return c.json({ value: balance(state, balanceCall[1]!) });
    const readable = READABLE.find(([shape]) => shape.name === resource);
    if (readable && c.req.method === 'GET') return c.json(answerCollection(readable[0], readable[1](state), options));
    throw new ODataRefusal(404, ODATA_CODES.entityTypeNotFound, `Тип сущности не найден: ${resource}`);
  });
  routes.onError((error, c) => {
    if (error instanceof ODataRefusal) return c.json(odataErrorJson(error.code, error.message), error.status);
    return c.json(odataErrorJson(ODATA_CODES.business, error instanceof Error ? error.message : String(error)), 500);
  });
  return routes;
}

/** Control endpoints: the documents written through OData, and what someone in 1С would do to them. */
export function odataControlRoutes(state: SandboxState): Hono {
  const routes = new Hono();
  routes.get('/transfers', (c) => c.json({ items: state.odataTransfers.documents, postings: Object.fromEntries(state.odataTransfers.postings) }));
  // The next `times` postings fail as 1С fails one when stock is short: 500, code -1.
  routes.post('/refuse-postings', async (c) => {
    const times = Number(((await c.req.json().catch(() => ({}))) as { times?: unknown }).times);
    if (!Number.isInteger(times) || times < 0) return c.json({ error: 'times must be a whole number' }, 422);
    state.odataTransfers.refusePostings = times;
    return c.json({ refusePostings: times });
  });
  routes.post('/transfers/:id/receive', (c) => {
    const document = state.odataTransfers.find(c.req.param('id'));
    document.Статус = 'Принято';
    return c.json(document);
  });
  routes.post('/transfers/:id/delete', (c) => {
    const document = state.odataTransfers.find(c.req.param('id'));
    document.DeletionMark = true;
    document.Posted = false;
    return c.json(document);
  });
  routes.onError((error, c) =>
    error instanceof ODataRefusal ? c.json(odataErrorJson(error.code, error.message), error.status) : c.json({ error: String(error) }, 500),
  );
  return routes;
}
