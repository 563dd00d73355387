import type { z } from 'zod';
import { EXTERNAL_ERROR_CODES, ExternalSystemError } from '../errors';
import { createJsonHttp } from '../http/request-json';
import {
  MOYSKLAD_API_PREFIX,
  MOYSKLAD_MAX_ARRAY_ITEMS,
  msCreatedPositionsSchema,
  msCustomerOrderSchema,
  describeMsError,
  msErrorSchema,
  msListSchema,
  msProductSchema,
  msStockByStoreRowSchema,
  msStoreSchema,
  type MsCreateCustomerOrder,
  type MsCustomerOrderEntity,
  type MsMeta,
  type MsProductEntity,
  type MsPositionInput,
} from './contract';
import { MOYSKLAD_DOCUMENTED_LIMITS, rateLimitGate } from './rate-limiter';
import type { MoySkladClient, MoySkladClientOptions, MsCallOptions, MsCustomerOrder, MsOrderPosition, MsProduct, MsProductId } from './client-types';
import { chunk, externalCodeFilter, productFilters } from './query';

export const MOYSKLAD_DEFAULT_TIMEOUT_MS = 15_000;
export type * from './client-types';

function invalidRequest(call: string, message: string): ExternalSystemError {
  return new ExternalSystemError(`moysklad ${call} not sent: ${message}`, {
    system: 'moysklad',
    code: EXTERNAL_ERROR_CODES.invalidRequest,
    retryable: false,
  });
}

function badAnswer(call: string, problem: string): ExternalSystemError {
  return new ExternalSystemError(`moysklad ${call} answered a malformed body: ${problem}`, {
    system: 'moysklad',
    code: EXTERNAL_ERROR_CODES.badResponse,
    retryable: false,
  });
}

const toOrder = (entity: MsCustomerOrderEntity): MsCustomerOrder => ({
  id: entity.id,
  name: entity.name,
  externalCode: entity.externalCode,
  positionCount: entity.positions.meta.size,
  sum: entity.sum,
});

const toProduct = (row: MsProductEntity): MsProduct => ({
  id: row.id as MsProductId,
  name: row.name,
  article: row.article,
  code: row.code,
  externalCode: row.externalCode,
  archived: row.archived,
  salePrices: row.salePrices.map((price) => ({ priceType: price.priceType.name, value: price.value })),
  buyPrice: row.buyPrice?.value,
  vat: row.effectiveVat ?? row.vat ?? 0,
  vatEnabled: row.effectiveVatEnabled ?? row.vatEnabled ?? (row.effectiveVat ?? row.vat ?? 0) > 0,
});

/** The id at the end of an href such as `…/entity/store/<id>` (a report's hrefs may carry a query). */
const idFromHref = (href: string): string => new URL(href).pathname.split('/').pop() ?? '';

/** Builds a МойСклад JSON API 1.2 client with a Bearer token and gzip, as md/_general.md requires. */
export function createMoySkladClient(options: MoySkladClientOptions): MoySkladClient {
  const root = options.baseUrl.replace(/\/+$/, '') + MOYSKLAD_API_PREFIX;
  const tokenWeight = options.tokenWeight ?? 1;
  const windowUnits = options.windowUnits ?? MOYSKLAD_DOCUMENTED_LIMITS.unitsPerWindow;
  const gate = options.rateLimiter ? rateLimitGate(options.rateLimiter, tokenWeight, windowUnits) : undefined;
  const requestJson = createJsonHttp({
    system: 'moysklad',
    baseUrl: root,
    // md/_general.md: only gzip; a request without it is refused with 415. Error 1062: this Accept only.
    headers: { authorization: `Bearer ${options.token}`, 'accept-encoding': 'gzip', accept: 'application/json;charset=utf-8' },
    timeoutMs: options.timeoutMs ?? MOYSKLAD_DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
    secrets: [options.token],
    readErrorMessage: (body) => {
      const parsed = msErrorSchema.safeParse(body);
      return parsed.success ? parsed.data.errors.map(describeMsError).join('; ') : undefined;
    },
    gate,
  });
  // md/_errors.md line 60 (error 1059): an href must name МойСклад's own host, not the proxy the hub
  // may reach it through. Until an answer shows the service's own hrefs, the configured public base.
  let hrefRoot = (options.publicBaseUrl ?? options.baseUrl).replace(/\/+$/, '') + MOYSKLAD_API_PREFIX;
  const learnHrefRoot = (href: string | undefined): void => {
    const at = href?.indexOf(MOYSKLAD_API_PREFIX + '/') ?? -1;
    if (href !== undefined && at > 0) hrefRoot = href.slice(0, at + MOYSKLAD_API_PREFIX.length);
  };
  const meta = (type: string, id: string): { meta: MsMeta } => ({
    meta: { href: `${hrefRoot}/entity/${type}/${encodeURIComponent(id)}`, type, mediaType: 'application/json' },
  });
  const positionInputs = (positions: readonly MsOrderPosition[]): MsPositionInput[] =>
    positions.map((p) => ({
      assortment: meta('product', p.productId),
      quantity: p.quantity,
      price: p.price,
      discount: 0,
      vat: p.vat,
      vatEnabled: p.vatEnabled,
      ...(p.reserve === undefined ? {} : { reserve: p.reserve }),
    }));

  /** Every row of a list, page by page (md/_general.md: at most 1,000 per page). */
  async function listAll<T>(path: string, row: z.ZodType<T>): Promise<T[]> {
    const rows: T[] = [];
    const separator = path.includes('?') ? '&' : '?';
    for (let offset = 0; ; offset += MOYSKLAD_MAX_ARRAY_ITEMS) {
      const page = `${path}${separator}limit=${MOYSKLAD_MAX_ARRAY_ITEMS}&offset=${offset}`;
      const { data } = await requestJson({ method: 'GET', path: page, schema: msListSchema(row) });
      learnHrefRoot(data.meta.href);
      rows.push(...data.rows);
      if (data.rows.length < MOYSKLAD_MAX_ARRAY_ITEMS || rows.length >= data.meta.size) return rows;
    }
  }

  async function completeCustomerOrderPositions(
    order: MsCustomerOrder,
    positions: readonly MsOrderPosition[],
    { signal }: MsCallOptions = {},
  ): Promise<MsCustomerOrder> {
    let positionCount = order.positionCount;
    for (const part of chunk(positions.slice(positionCount), MOYSKLAD_MAX_ARRAY_ITEMS)) {
      const path = `/entity/customerorder/${encodeURIComponent(order.id)}/positions`;
      const { data } = await requestJson({ method: 'POST', path, body: positionInputs(part), schema: msCreatedPositionsSchema, signal });
      positionCount += data.length;
    }
    return { ...order, positionCount };
  }

  return {
    async listStores() {
      const rows = await listAll('/entity/store', msStoreSchema);
      return rows.map(({ id, name }) => ({ id, name }));
    },
    async findProducts(field, values) {
      const found: MsProduct[] = [];
      for (const filter of productFilters(field, values)) {
        const rows = await listAll(`/entity/product?filter=${filter}`, msProductSchema);
        found.push(...rows.map(toProduct));
      }
      return found;
    },
    async stockByStore(storeId) {
      const conditions = ['stockMode=all', ...(storeId ? [`store=${meta('store', storeId).meta.href}`] : [])];
      const path = `/report/stock/bystore?groupBy=product&filter=${encodeURIComponent(conditions.join(';'))}`;
      const rows = await listAll(path, msStockByStoreRowSchema);
      return rows.map((row) => {
        if (row.meta.type !== 'product') {
          throw badAnswer(
            `GET /report/stock/bystore`,
            `a row of type '${row.meta.type}' (${row.meta.href}) came although the report was asked grouped by product`,
          );
        }
        return {
          productId: idFromHref(row.meta.href) as MsProductId,
          stores: row.stockByStore.map((s) => ({
            storeId: idFromHref(s.meta.href),
            storeName: s.name,
            stock: s.stock,
            reserve: s.reserve,
            inTransit: s.inTransit,
          })),
        };
      });
    },
    async findCustomerOrderByExternalCode(externalCode, { signal } = {}) {
      if (!externalCode.trim()) throw invalidRequest('GET /entity/customerorder', 'the externalCode is empty');
      const path = `/entity/customerorder?filter=${externalCodeFilter(externalCode)}&limit=1`;
      const { data } = await requestJson({ method: 'GET', path, schema: msListSchema(msCustomerOrderSchema), signal });
      learnHrefRoot(data.meta.href);
      const [first] = data.rows;
      return first ? toOrder(first) : null;
    },
    async createCustomerOrder(order, options = {}) {
      const call = 'POST /entity/customerorder';
      if (!order.externalCode.trim()) throw invalidRequest(call, 'the externalCode is empty');
      if (order.positions.length === 0) throw invalidRequest(call, 'the order has no positions');
      const [firstChunk = [], ...rest] = chunk(order.positions, MOYSKLAD_MAX_ARRAY_ITEMS);
      const body: MsCreateCustomerOrder = {
        organization: meta('organization', order.organizationId),
        agent: meta('counterparty', order.agentId),
        ...(order.storeId ? { store: meta('store', order.storeId) } : {}),
        externalCode: order.externalCode,
        ...(order.syncId ? { syncId: order.syncId } : {}),
        // Prices come from the product's price list, which holds them with VAT.
        vatEnabled: true,
        vatIncluded: true,
        ...(order.description ? { description: order.description } : {}),
        positions: positionInputs(firstChunk),
      };
      const { data } = await requestJson({ method: 'POST', path: '/entity/customerorder', body, schema: msCustomerOrderSchema, signal: options.signal });
      learnHrefRoot(data.meta.href);
      // A syncId replay returns the earlier document with whatever positions it already has;
      // a fresh one holds the first chunk. Either way the rest continue from what МойСклад reports.
      const created = toOrder(data);
      return rest.length === 0 && created.positionCount >= firstChunk.length ? created : completeCustomerOrderPositions(created, order.positions, options);
    },
    completeCustomerOrderPositions,
  };
}
