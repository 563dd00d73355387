import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { MOYSKLAD_ERROR_CODES, MOYSKLAD_MAX_ARRAY_ITEMS, msCreateCustomerOrderSchema, msPositionInputSchema, type MsPositionInput } from '@hub/integrations';
import type { MoySkladState } from './moysklad-state';
import { orderSums, type MsSandboxCustomerOrder, type MsSandboxPosition } from './customer-order-book';
import { apiRoot, entityMeta, foreignHost, idFromHref, listPage, msError } from './ms-http';
import { matchesFilter, parseFilter } from './ms-filter';

/** The order as МойСклад shows it (md/documents/_customerOrder.md), positions as a MetaArray. */
function representOrder(c: Context, order: MsSandboxCustomerOrder) {
  const positionsHref = `${apiRoot(c)}/entity/customerorder/${order.id}/positions`;
  return {
    meta: entityMeta(c, 'customerorder', order.id),
    id: order.id,
    name: order.name,
    externalCode: order.externalCode,
    ...(order.syncId ? { syncId: order.syncId } : {}),
    ...(order.description ? { description: order.description } : {}),
    ...(order.code ? { code: order.code } : {}),
    moment: order.moment ?? order.created.replace('T', ' ').slice(0, 19),
    created: order.created.replace('T', ' ').slice(0, 19),
    applicable: order.applicable,
    vatEnabled: order.vatEnabled,
    ...(order.vatEnabled ? { vatIncluded: order.vatIncluded } : {}),
    ...orderSums(order),
    payedSum: 0,
    shippedSum: 0,
    invoicedSum: 0,
    organization: { meta: entityMeta(c, 'organization', order.organizationId) },
    agent: { meta: entityMeta(c, 'counterparty', order.agentId) },
    ...(order.storeId ? { store: { meta: entityMeta(c, 'store', order.storeId) } } : {}),
    positions: {
      meta: { href: positionsHref, type: 'customerorderposition', mediaType: 'application/json', size: order.positions.length, limit: 1000, offset: 0 },
    },
  };
}

const representPosition = (c: Context, orderId: string, position: MsSandboxPosition) => ({
  meta: { href: `${apiRoot(c)}/entity/customerorder/${orderId}/positions/${position.id}`, type: 'customerorderposition', mediaType: 'application/json' },
  id: position.id,
  quantity: position.quantity,
  price: position.price,
  discount: position.discount,
  vat: position.vat,
  vatEnabled: position.vatEnabled,
  assortment: { meta: entityMeta(c, 'product', position.productId) },
  shipped: 0,
  reserve: position.reserve,
});

const NOT_JSON = Symbol('not JSON');

type Refusal = { status: 400 | 404 | 412 | 413; code: number; message: string };

/** md/_errors.md line 60, error 1059: an href must name МойСклад's host (here: the sandbox itself, or api.moysklad.ru as the documentation's examples do). */
const wrongHost = (href: string): Refusal => ({
  status: 400,
  code: MOYSKLAD_ERROR_CODES.wrongServer,
  message: `Некорректный сервер в идентификаторе объекта: '${href}'`,
});

/** Positions checked as МойСклад would: at most 1,000 (413, error 2022) and every product known. */
function resolvePositions(c: Context, state: MoySkladState, positions: MsPositionInput[]): Refusal | Array<Omit<MsSandboxPosition, 'id'>> {
  if (positions.length > MOYSKLAD_MAX_ARRAY_ITEMS) {
    const message = `Ошибка формата: слишком большое число элементов вложенной коллекции (${positions.length} > ${MOYSKLAD_MAX_ARRAY_ITEMS})`;
    return { status: 413, code: MOYSKLAD_ERROR_CODES.tooManyItems, message };
  }
  const resolved: Array<Omit<MsSandboxPosition, 'id'>> = [];
  for (const position of positions) {
    if (foreignHost(c, position.assortment.meta.href)) return wrongHost(position.assortment.meta.href);
    const productId = idFromHref(position.assortment.meta.href, 'product');
    const product = state.seed.products.find((p) => p.id === productId);
    if (!productId || !product) {
      return { status: 404, code: MOYSKLAD_ERROR_CODES.notFound, message: `Объект с типом 'product' и href '${position.assortment.meta.href}' не найден` };
    }
    resolved.push({
      productId,
      quantity: position.quantity,
      price: position.price ?? 0,
      discount: position.discount ?? 0,
      // Without a rate in the request, the product's own (md/documents/_customerOrder.md line 92: `vat` is required in answers).
      vat: position.vat ?? product.vat,
      vatEnabled: position.vatEnabled ?? (position.vat ?? product.vat) > 0,
      reserve: position.reserve ?? 0,
    });
  }
  return resolved;
}

/** A body checked against the contract: 400 when it is not JSON (error 2001), else 412 naming the first field (error 3000). */
async function parseBody<T>(c: Context, schema: z.ZodType<T>): Promise<Refusal | { body: T }> {
  const json: unknown = await c.req.json().catch(() => NOT_JSON);
  if (json === NOT_JSON) return { status: 400, code: MOYSKLAD_ERROR_CODES.notJson, message: 'Ошибка формата: входящий запрос не соответствует формату JSON' };
  const parsed = schema.safeParse(json);
  if (parsed.success) return { body: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    status: 412,
    code: MOYSKLAD_ERROR_CODES.requiredField,
    message: `Ошибка сохранения объекта: поле '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'invalid'}`,
  };
}

const isRefusal = (value: unknown): value is Refusal => typeof value === 'object' && value !== null && 'status' in value && 'code' in value;
const refuse = (c: Context, refusal: Refusal) => msError(c, refusal.status, refusal.code, refusal.message);

/** A referenced organization/counterparty/store that must exist in the account. */
function referenceExists(state: MoySkladState, href: string, type: 'organization' | 'counterparty' | 'store'): boolean {
  const id = idFromHref(href, type);
  const known =
    type === 'organization' ? state.seed.organizations
    : type === 'counterparty' ? state.seed.counterparties
    : state.seed.stores;
  return id !== undefined && known.some((entity) => entity.id === id);
}

/** GET/POST /entity/customerorder, GET /entity/customerorder/:id, POST /entity/customerorder/:id/positions. */
export function moySkladOrderRoutes(state: MoySkladState): Hono {
  const routes = new Hono();
  const book = () => state.customerOrders;

  routes.get('/entity/customerorder', (c) => {
    const filter = parseFilter(c.req.query('filter'), ['externalCode', 'id', 'name', 'syncId']);
    if (!filter.ok) return msError(c, 400, 1034, `Ошибка фильтрации: ${filter.problem}`);
    const rows = book()
      .documents.filter((order) => matchesFilter(filter.conditions, order))
      .map((order) => representOrder(c, order));
    return listPage(c, 'customerorder', rows);
  });

  routes.get('/entity/customerorder/:id', (c) => {
    const order = book().find(c.req.param('id'));
    if (!order) return msError(c, 404, MOYSKLAD_ERROR_CODES.notFound, `Объект с типом 'customerorder' и идентификатором '${c.req.param('id')}' не найден`);
    return c.json(representOrder(c, order));
  });

  routes.post('/entity/customerorder', async (c) => {
    const parsed = await parseBody(c, msCreateCustomerOrderSchema);
    if (isRefusal(parsed)) return refuse(c, parsed);
    const { body } = parsed;
    for (const [field, type] of [
      ['organization', 'organization'],
      ['agent', 'counterparty'],
      ['store', 'store'],
    ] as const) {
      const href = body[field]?.meta.href;
      if (href !== undefined && foreignHost(c, href)) return refuse(c, wrongHost(href));
      if (href !== undefined && !referenceExists(state, href, type)) {
        return msError(c, 404, MOYSKLAD_ERROR_CODES.notFound, `Объект с типом '${type}' и href '${href}' не найден`);
      }
    }
    const positions = resolvePositions(c, state, body.positions ?? []);
    if (isRefusal(positions)) return refuse(c, positions);
    const { order } = book().create({
      name: body.name,
      code: body.code,
      moment: body.moment,
      applicable: body.applicable ?? true,
      externalCode: body.externalCode,
      syncId: body.syncId,
      organizationId: idFromHref(body.organization.meta.href, 'organization') ?? '',
      agentId: idFromHref(body.agent.meta.href, 'counterparty') ?? '',
      storeId: body.store ? idFromHref(body.store.meta.href, 'store') : undefined,
      description: body.description,
      vatEnabled: body.vatEnabled ?? true,
      vatIncluded: body.vatIncluded ?? true,
      positions,
    });
    return c.json(representOrder(c, order));
  });

  // md/documents/_customerOrder.md lines 2374–2526: an order's positions, a page at a time.
  routes.get('/entity/customerorder/:id/positions', (c) => {
    const order = book().find(c.req.param('id'));
    if (!order) return msError(c, 404, MOYSKLAD_ERROR_CODES.notFound, `Объект с типом 'customerorder' и идентификатором '${c.req.param('id')}' не найден`);
    return listPage(
      c,
      'customerorderposition',
      order.positions.map((position) => representPosition(c, order.id, position)),
    );
  });

  routes.post('/entity/customerorder/:id/positions', async (c) => {
    const order = book().find(c.req.param('id'));
    if (!order) return msError(c, 404, MOYSKLAD_ERROR_CODES.notFound, `Объект с типом 'customerorder' и идентификатором '${c.req.param('id')}' не найден`);
    // The documentation accepts one position or an array of them.
    const parsed = await parseBody(c, z.union([z.array(msPositionInputSchema), msPositionInputSchema]));
    if (isRefusal(parsed)) return refuse(c, parsed);
    const positions = resolvePositions(c, state, Array.isArray(parsed.body) ? parsed.body : [parsed.body]);
    if (isRefusal(positions)) return refuse(c, positions);
    const added = book().addPositions(order, positions);
    return c.json(added.map((position) => representPosition(c, order.id, position)));
  });

  return routes;
}
