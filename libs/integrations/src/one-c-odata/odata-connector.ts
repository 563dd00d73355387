import { z } from 'zod';
import { EXTERNAL_ERROR_CODES } from '../errors';
import type { OneCClient } from '../one-c/client';
import { oneCCreateTransferOrderSchema, type OneCCreateTransferOrder } from '../one-c/contract';
import { resolveNorms } from './effective-norms';
import { ODataError } from './odata-error';
import type { ODataNames } from './odata-names';
import { balanceRow, collectionOf, normRow, packRow, productRow, transferRow, warehouseRow, type TransferDocument } from './odata-rows';
import { ANY_HUB_MARKER, eventNeedle, hubMarker, transferOrderOf } from './transfer-document';
import { createODataTransport, type ODataQuery, type ODataTransportOptions } from './odata-transport';
import { dateTimeLiteral, EMPTY_REF, guidLiteral, localDateTime, stringLiteral } from './odata-values';

/** Everything the OData connector needs to know about the base it talks to. */
export interface ODataConnectorOptions extends ODataTransportOptions {
  names: ODataNames;
  /** The product field that is the hub's SKU (`Артикул` by default; `Code` works too). */
  skuField: string;
  /** The document field that carries the outbox event id (the comment, `Комментарий`, by default). */
  idempotencyField: string;
  /** `Организация_Key` of every transfer the hub creates. */
  organizationKey: string;
  /** Post each created transfer (`…/Post`), or leave it written but unposted for a person to check. */
  postTransfers: boolean;
  /** IANA zone of the 1С server's clock: its dates carry no zone (ONEC_TIMEZONE). */
  timeZone: string;
  /** Rows per page: 1С does not page by itself, so every list is read `$top`/`$skip` at a time. */
  pageSize: number;
  /** How long the product, pack and norm catalogues read for one run are reused. */
  catalogTtlMs?: number;
  now?: () => Date;
}

function invalidRequest(message: string): ODataError {
  return new ODataError(`1c POST transfer not sent: ${message}`, { system: '1c', code: EXTERNAL_ERROR_CODES.invalidRequest, retryable: false });
}

/** Caches one promise for `ttlMs`; a failed read is forgotten at once, so the next call asks again. */
function cached<T>(ttlMs: number, now: () => Date, load: () => Promise<T>): () => Promise<T> {
  let entry: { at: number; value: Promise<T> } | undefined;
  return () => {
    const at = now().getTime();
    if (!entry || at - entry.at > ttlMs) {
      const value = load();
      entry = { at, value };
      value.catch(() => {
        if (entry?.value === value) entry = undefined;
      });
    }
    return entry.value;
  };
}

/**
 * The hub's 1С port over the standard OData interface of УТ 11 (no code inside 1С): it reads
 * Catalog_Склады, Catalog_Номенклатура, the packs, the norms and the stock balance, and writes
 * Document_ПеремещениеТоваров, as {@link ODataConnectorOptions.names} name them.
 */
export function createOneCODataConnector(options: ODataConnectorOptions): OneCClient {
  const odata = createODataTransport(options);
  const { names } = options;
  const now = options.now ?? (() => new Date());
  const ttl = options.catalogTtlMs ?? 60_000;

  /** Every row of a set, `$top`/`$skip` at a time, ordered so pages neither skip nor repeat rows. */
  async function readAll<T>(resource: string, schema: z.ZodType<T>, query: ODataQuery, orderBy = 'Ref_Key'): Promise<T[]> {
    const rows: T[] = [];
    for (let skip = 0; ; skip += options.pageSize) {
      // $inlinecount would make 1С ignore $top and $skip (the guide, line 861), so it is never sent.
      const page = await odata({
        method: 'GET',
        resource,
        query: { ...query, $orderby: orderBy, $top: options.pageSize, $skip: skip },
        schema: collectionOf(schema),
      });
      rows.push(...page.value);
      if (page.value.length < options.pageSize) return rows;
    }
  }

  const products = cached(ttl, now, async () => {
    const rows = await readAll(names.products, productRow(options.skuField, names), {
      $filter: 'IsFolder eq false and DeletionMark eq false',
      $select: `Ref_Key,Description,${options.skuField},${names.productUnitField}`,
    });
    return new Map(rows.map((row) => [row.id, row]));
  });
  const packs = cached(ttl, now, async () => {
    const rows = await readAll(names.packs, packRow(names), { $select: `Ref_Key,Description,${names.packNumeratorField},${names.packDenominatorField}` });
    return new Map(rows.map((row) => [row.id, row]));
  });
  const normRows = cached(ttl, now, () =>
    readAll(
      names.norms,
      normRow(names),
      { $filter: `${names.normInForceField} eq true` },
      // An independent register has no Ref_Key: its dimensions are its key.
      `Склад_Key,Номенклатура_Key,Характеристика_Key,${names.normGroupField}`,
    ),
  );

  const transferSchema = transferRow(names, options.idempotencyField);
  const transferSelect = `Ref_Key,Number,Posted,DeletionMark,СкладОтправитель_Key,СкладПолучатель_Key,${names.transferStatusField},${options.idempotencyField},${names.transferLines}`;
  const documentResource = (id: string) => `${names.transfers}(${guidLiteral(id)})`;

  const toOrder = async (document: TransferDocument) => transferOrderOf(document, await products(), names.transferReceivedStatus);

  /** The hub's document for this event, if an earlier attempt created it (marked for deletion ones excepted). */
  async function findByEvent(eventId: string, signal?: AbortSignal): Promise<TransferDocument | undefined> {
    // substringof, not eq: Комментарий is a string of unlimited length, which 1С cannot compare with eq
    // (ut11 Documents/ПеремещениеТоваров.xml, Комментарий: Length 0); the guide's function table, line 630.
    const filter = `DeletionMark eq false and substringof(${stringLiteral(eventNeedle(eventId))}, ${options.idempotencyField}) eq true`;
    const found = await odata({
      method: 'GET',
      resource: names.transfers,
      query: { $filter: filter, $select: transferSelect, $orderby: 'Ref_Key', $top: 1 },
      schema: collectionOf(transferSchema),
      signal,
    });
    return found.value[0];
  }

  async function post(document: TransferDocument, signal?: AbortSignal): Promise<TransferDocument> {
    // The guide, line 1643: POST <entity>/Post?PostingModeOperational=false.
    await odata({ method: 'POST', resource: `${documentResource(document.id)}/Post`, query: { PostingModeOperational: 'false' }, schema: z.unknown(), signal });
    return { ...document, posted: true };
  }

  async function create(order: OneCCreateTransferOrder, eventId: string, signal?: AbortSignal): Promise<TransferDocument> {
    const catalog = await products();
    const body = {
      Date: localDateTime(now(), options.timeZone),
      Организация_Key: options.organizationKey,
      СкладОтправитель_Key: order.sourceWarehouseId,
      СкладПолучатель_Key: order.targetWarehouseId,
      [options.idempotencyField]: [hubMarker(eventId, order.hubOrderId), order.comment].filter(Boolean).join(' · '),
      // LineNumber from 1 with no gaps: 1С answers 500 without it and 400 when it does not start at 1.
      // Int64 goes as a string, as the guide's own example writes it (line 1505).
      [names.transferLines]: order.lines.map((line, index) => {
        if (!catalog.has(line.productId)) throw invalidRequest(`1С has no product ${line.productId} (SKU ${line.sku})`);
        return { LineNumber: String(index + 1), Номенклатура_Key: line.productId, Количество: line.quantity, КоличествоУпаковок: line.quantity };
      }),
    };
    return odata({ method: 'POST', resource: names.transfers, body, schema: transferSchema, signal });
  }

  return {
    async listWarehouses() {
      // Catalog_Склады has no Code: the key is Ref_Key and Description names it (the issue; ut11 Catalogs/Склады).
      const rows = await readAll(names.warehouses, warehouseRow, { $filter: 'IsFolder eq false and DeletionMark eq false', $select: 'Ref_Key,Description' });
      return rows.map((row) => ({ id: row.id, code: row.name || row.id, name: row.name || row.id }));
    },

    async getStock(warehouseId) {
      const [catalog, units] = await Promise.all([products(), packs()]);
      const period = dateTimeLiteral(now(), options.timeZone);
      const condition = `Склад_Key eq ${guidLiteral(warehouseId)}`;
      // Balance(Period=…, Condition=…, Dimensions=…): the guide, line 1099 (a virtual table as a bound function).
      const resource = `${names.stock}/Balance(Period=${period},Condition='${condition}',Dimensions='Номенклатура,Склад')`;
      const { value } = await odata({ method: 'GET', resource, schema: collectionOf(balanceRow(names)) });
      return value.flatMap((row) => {
        const product = catalog.get(row.productId);
        if (!product?.sku) return [];
        // Stock may be fractional (kg); the hub counts whole units, so it never counts more than is there.
        return [
          {
            productId: row.productId,
            sku: product.sku,
            name: product.name || product.sku,
            onHand: Math.floor(row.onHand),
            reserved: Math.max(0, Math.ceil(row.reserved)),
            unit: units.get(product.unitId)?.name || 'шт',
          },
        ];
      });
    },

    async getReplenishmentSettings(warehouseId) {
      const [catalog, units, rows] = await Promise.all([products(), packs(), normRows()]);
      return resolveNorms(rows, warehouseId).flatMap((norm) => {
        const product = catalog.get(norm.productId);
        if (!product?.sku) return [];
        const pack = norm.orderPackId !== EMPTY_REF ? units.get(norm.orderPackId) : undefined;
        const min = Math.max(0, Math.round(norm.min));
        return [
          { productId: norm.productId, sku: product.sku, min, max: Math.max(min, Math.round(norm.max)), multiple: Math.max(1, Math.ceil(pack?.units ?? 1)) },
        ];
      });
    },

    async listOpenTransferOrders() {
      const filter = `DeletionMark eq false and ${names.transferStatusField} ne ${stringLiteral(names.transferReceivedStatus)} and substringof(${stringLiteral(ANY_HUB_MARKER)}, ${options.idempotencyField}) eq true`;
      const rows = await readAll(names.transfers, transferSchema, { $filter: filter, $select: transferSelect });
      return Promise.all(rows.map(toOrder));
    },

    async getTransferOrder(id) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw invalidRequest(`${JSON.stringify(id)} is not a 1С reference`);
      try {
        return await toOrder(await odata({ method: 'GET', resource: documentResource(id), query: { $select: transferSelect }, schema: transferSchema }));
      } catch (error) {
        if (error instanceof ODataError && error.isNotFound) return null;
        throw error;
      }
    },

    async createTransferOrder(order, { idempotencyKey, signal }) {
      if (!idempotencyKey.trim()) throw invalidRequest('the idempotency key is empty');
      const checked = oneCCreateTransferOrderSchema.safeParse(order);
      if (!checked.success) throw invalidRequest(`${checked.error.issues[0]?.path.join('.') || 'order'}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
      // Looked up before any create: a document an earlier attempt wrote is reused, and posted if it is not yet.
      const earlier = await findByEvent(idempotencyKey, signal);
      if (earlier) {
        const settled = options.postTransfers && !earlier.posted ? await post(earlier, signal) : earlier;
        return { order: await toOrder(settled), replayed: true };
      }
      const created = await create(checked.data, idempotencyKey, signal);
      const settled = options.postTransfers ? await post(created, signal) : created;
      return { order: await toOrder(settled), replayed: false };
    },
  };
}
