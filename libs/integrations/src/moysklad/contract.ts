/**
 * The subset of МойСклад JSON API 1.2 the hub uses, as the official documentation
 * (github.com/moysklad/api-remap-1.2-doc) describes it. Paths cited per schema:
 * md/_general.md (meta, errors, filters, syncId), md/_restrictions.md (limits),
 * md/dictionaries/_store.md, md/dictionaries/_product.md, md/reports/_report_stock.md,
 * md/documents/_customerOrder.md. The sandbox serves exactly this; the client checks every
 * answer against these schemas. Unknown fields are dropped, since the documentation promises
 * that new fields may appear at any time.
 */
import { z } from 'zod';

export const MOYSKLAD_API_PREFIX = '/api/remap/1.2';

/** md/_restrictions.md: at most 1,000 items in one array of a request (positions included), else HTTP 413. */
export const MOYSKLAD_MAX_ARRAY_ITEMS = 1000;

/**
 * md/_general.md «Обработка ошибок»: the rate-limit headers. `X-Lognex-Retry-After` is the
 * time until the limit resets, in milliseconds; the others describe the budget.
 */
export const MOYSKLAD_RATE_HEADERS = {
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  interval: 'X-Lognex-Retry-TimeInterval',
  reset: 'X-Lognex-Reset',
  retryAfter: 'X-Lognex-Retry-After',
} as const;

/** Error codes from md/_errors.md that the hub and the sandbox meet. */
export const MOYSKLAD_ERROR_CODES = {
  /** 429: more requests in the window than the limit allows. */
  rateLimited: 1049,
  /** 429: more parallel requests than allowed. */
  tooManyParallel: 1073,
  /** 401: authentication failed. */
  unauthorized: 1056,
  /** 404: no object of that type and id. */
  notFound: 1021,
  /** 413: a nested collection with more than 1,000 elements. */
  tooManyItems: 2022,
  /** 400: the body is not JSON. */
  notJson: 2001,
  /** 412: a required field is empty or missing. */
  requiredField: 3000,
  /** 400: an href points to an entity of the wrong type. */
  wrongEntityType: 2024,
  /** 400: an href names a server other than МойСклад's (line 60). */
  wrongServer: 1059,
  /** 400: an Accept header other than `application/json;charset=utf-8` (line 63). */
  wrongAccept: 1062,
  /** 404: an unknown path (line 9). */
  unknownPath: 1002,
} as const;

/** md/_general.md «Метаданные»: every entity and every reference to one. */
export const msMetaSchema = z.object({
  href: z.string().min(1),
  type: z.string().min(1),
  mediaType: z.string().optional(),
});
export type MsMeta = z.infer<typeof msMetaSchema>;

/** A list answer: `meta` with size/limit/offset, and `rows`. */
export const msListSchema = <T extends z.ZodType>(row: T) =>
  z.object({
    meta: z.object({
      href: z.string().optional(),
      size: z.number().int().nonnegative(),
      limit: z.number().int().positive(),
      offset: z.number().int().nonnegative(),
    }),
    rows: z.array(row),
  });

/** md/dictionaries/_store.md */
export const msStoreSchema = z.object({ meta: msMetaSchema, id: z.string().min(1), name: z.string().min(1), code: z.string().optional() });
export type MsStoreEntity = z.infer<typeof msStoreSchema>;

/**
 * The product fields that can carry the hub's SKU (md/dictionaries/_product.md lines 21, 31:
 * `article`, `externalCode`; `code` likewise filterable with `=`). МойСклад enforces none of them
 * unique: the documentation's own product list (lines 649, 812) shows two products with article `Ar23`.
 */
export const MS_SKU_FIELDS = ['article', 'code', 'externalCode'] as const;
export type MsSkuField = (typeof MS_SKU_FIELDS)[number];

/** md/dictionaries/_product.md: a product; `archived` is `+Обязательное при ответе` (line 20). */
export const msProductSchema = z.object({
  meta: msMetaSchema,
  id: z.string().min(1),
  name: z.string().min(1),
  article: z.string().optional(),
  code: z.string().optional(),
  externalCode: z.string(),
  archived: z.boolean(),
  /** Lines 49, 269–275: sale prices in kopecks, each of a named price type. */
  salePrices: z.array(z.object({ value: z.number(), priceType: z.object({ name: z.string() }) })).default([]),
  /** Line 24: the purchase price in kopecks. */
  buyPrice: z.object({ value: z.number() }).optional(),
  /** Lines 29–30, 59–62: VAT %, and `effectiveVat` as it really applies (a parent group's rate included). */
  vat: z.number().int().optional(),
  vatEnabled: z.boolean().optional(),
  effectiveVat: z.number().int().optional(),
  effectiveVatEnabled: z.boolean().optional(),
});
export type MsProductEntity = z.infer<typeof msProductSchema>;

/**
 * md/reports/_report_stock.md lines 983–1001 «Остатки по складам»: one row per assortment item
 * (`meta.type` product, variant, consignment…), its stock in each store.
 */
export const msStockByStoreRowSchema = z.object({
  meta: msMetaSchema,
  stockByStore: z.array(z.object({ meta: msMetaSchema, name: z.string(), stock: z.number(), reserve: z.number(), inTransit: z.number() })),
});

/** md/documents/_customerOrder.md: what the hub reads back from a customer order. */
export const msCustomerOrderSchema = z.object({
  meta: msMetaSchema,
  id: z.string().min(1),
  name: z.string().min(1),
  externalCode: z.string(),
  positions: z.object({ meta: z.object({ size: z.number().int().nonnegative() }) }),
  /** Line 44: the order's sum in kopecks, computed by МойСклад from its positions (`+Обязательное при ответе`). */
  sum: z.number(),
});
export type MsCustomerOrderEntity = z.infer<typeof msCustomerOrderSchema>;

/**
 * A position as sent (md/documents/_customerOrder.md lines 76–106): the product, how many, the
 * price in kopecks, the discount %, VAT % (and whether VAT applies), and how many to reserve.
 */
export const msPositionInputSchema = z.object({
  assortment: z.object({ meta: msMetaSchema }),
  quantity: z.number().positive(),
  price: z.number().nonnegative().optional(),
  discount: z.number().optional(),
  vat: z.number().int().nonnegative().optional(),
  vatEnabled: z.boolean().optional(),
  reserve: z.number().nonnegative().optional(),
  pack: z.object({ id: z.string() }).optional(),
});
export type MsPositionInput = z.infer<typeof msPositionInputSchema>;

/**
 * POST /entity/customerorder body (md/documents/_customerOrder.md lines 344–351: only `organization`
 * and `agent` are required; МойСклад generates `name` and `externalCode` when they are absent, as
 * the documentation's examples at lines 361–376 and 875–949 show). `syncId` makes a repeated create
 * return the earlier document (md/_general.md «Назначение поля syncId»). `vatIncluded`: whether
 * positions' prices include VAT.
 */
export const msCreateCustomerOrderSchema = z.object({
  organization: z.object({ meta: msMetaSchema }),
  agent: z.object({ meta: msMetaSchema }),
  store: z.object({ meta: msMetaSchema }).optional(),
  state: z.object({ meta: msMetaSchema }).optional(),
  name: z.string().min(1).max(255).optional(),
  code: z.string().max(255).optional(),
  moment: z.string().optional(),
  applicable: z.boolean().optional(),
  externalCode: z.string().min(1).max(255).optional(),
  syncId: z.uuid().optional(),
  description: z.string().max(4096).optional(),
  vatEnabled: z.boolean().optional(),
  vatIncluded: z.boolean().optional(),
  positions: z.array(msPositionInputSchema).optional(),
});
export type MsCreateCustomerOrder = z.infer<typeof msCreateCustomerOrderSchema>;

/** POST /entity/customerorder/{id}/positions answers the created positions. */
export const msCreatedPositionsSchema = z.array(z.object({ id: z.string().min(1), quantity: z.number() }));

/** md/_general.md lines 153–170 «Структура ошибок»: { errors: [{ error, code?, parameter?, error_message?, moreInfo? }] } */
export const msErrorSchema = z.object({
  errors: z
    .array(
      z.object({
        error: z.string(),
        code: z.number().int().optional(),
        parameter: z.string().optional(),
        error_message: z.string().optional(),
        moreInfo: z.string().optional(),
      }),
    )
    .min(1),
});

/** One errors[] entry as an operator reads it: code, title, the parameter, the attached message and the documentation link. */
export function describeMsError(entry: MsErrorBody['errors'][number]): string {
  return [
    entry.code === undefined ? entry.error : `${entry.code} ${entry.error}`,
    entry.parameter ? ` (parameter ${entry.parameter})` : '',
    entry.error_message ? `: ${entry.error_message}` : '',
    entry.moreInfo ? ` [${entry.moreInfo}]` : '',
  ].join('');
}
export type MsErrorBody = z.infer<typeof msErrorSchema>;
