/** The answers the connector reads, as 1С's JSON writes them; field names come from the settings. */
import { z } from 'zod';
import { int64, odataNumber } from './odata-values';
import type { ODataNames } from './odata-names';

/** A collection: `{ "value": [...] }` (odata.metadata and odata.count are ignored). */
export const collectionOf = <T extends z.ZodType>(row: T) => z.object({ value: z.array(row) });

const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');
const key = z.string().min(1);
const quantity = odataNumber.nullish().transform((value) => value ?? 0);
const lineSchema = z.object({ LineNumber: int64, Номенклатура_Key: text, Количество: odataNumber });

type Row = Record<string, unknown>;
type Reader = <T>(name: string, schema: z.ZodType<T>) => T;

/**
 * A row whose field names are settings (ONEC_ODATA_SKU_FIELD, ONEC_ODATA_NAMES): `build` reads
 * each field through its schema, and a field that fails is reported under its own name.
 */
function rowOf<T>(build: (read: Reader) => T) {
  return z.record(z.string(), z.unknown()).transform((row: Row, context) => {
    const read: Reader = (name, schema) => {
      const parsed = schema.safeParse(row[name]);
      if (parsed.success) return parsed.data;
      throw Object.assign(new Error(parsed.error.issues[0]?.message ?? 'invalid'), { field: name });
    };
    try {
      return build(read);
    } catch (error) {
      const field = (error as { field?: string }).field;
      context.addIssue({ code: 'custom', path: field ? [field] : [], message: (error as Error).message });
      return z.NEVER;
    }
  });
}

export const warehouseRow = rowOf((read) => ({ id: read('Ref_Key', key), name: read('Description', text) }));

export const productRow = (skuField: string, names: ODataNames) =>
  rowOf((read) => ({
    id: read('Ref_Key', key),
    name: read('Description', text),
    sku: read(skuField, text).trim(),
    unitId: read(names.productUnitField, text),
  }));

export const packRow = (names: ODataNames) =>
  rowOf((read) => {
    const numerator = read(names.packNumeratorField, quantity) || 1;
    const denominator = read(names.packDenominatorField, quantity) || 1;
    return { id: read('Ref_Key', key), name: read('Description', text), units: numerator / denominator };
  });

export const normRow = (names: ODataNames) =>
  rowOf((read) => ({
    productId: read('Номенклатура_Key', text),
    characteristicId: read('Характеристика_Key', text),
    warehouseId: read('Склад_Key', text),
    groupId: read(names.normGroupField, text),
    min: read(names.normMinField, quantity),
    max: read(names.normMaxField, quantity),
    orderPackId: read(names.normOrderPackField, text),
  }));

export const balanceRow = (names: ODataNames) =>
  rowOf((read) => ({
    productId: read('Номенклатура_Key', key),
    onHand: read(names.stockOnHandField, quantity),
    reserved: read(names.stockReservedField, quantity),
  }));

export const transferRow = (names: ODataNames, idempotencyField: string) =>
  rowOf((read) => ({
    id: read('Ref_Key', key),
    number: read('Number', text),
    posted: read('Posted', z.boolean()),
    deleted: read('DeletionMark', z.boolean()),
    sourceWarehouseId: read('СкладОтправитель_Key', text),
    targetWarehouseId: read('СкладПолучатель_Key', text),
    status: read(names.transferStatusField, text),
    marker: read(idempotencyField, text),
    lines:
      read(names.transferLines, z.array(lineSchema).nullish())
        ?.slice()
        .sort((a, b) => a.LineNumber - b.LineNumber)
        .map((line) => ({ productId: line.Номенклатура_Key, quantity: line.Количество })) ?? [],
  }));

export type TransferDocument = z.output<ReturnType<typeof transferRow>>;
