import { EMPTY_REF } from './odata-values';

/** One in-force row of InformationRegister_ТоварныеОграничения, fields by meaning. */
export interface NormRow {
  productId: string;
  characteristicId: string;
  warehouseId: string;
  groupId: string;
  min: number;
  max: number;
  orderPackId: string;
}

/** A product's norm at one warehouse, with where it came from. */
export interface EffectiveNorm {
  productId: string;
  min: number;
  max: number;
  orderPackId: string;
  source: 'item' | 'group';
}

const filled = (id: string) => id !== EMPTY_REF && id !== '';

/**
 * The norm УТ itself applies to each product at `warehouseId`, in its order (ut11
 * InformationRegisters/ТоварныеОграничения/Ext/ManagerModule.bsl, ПодставитьСоединение, lines 45–98):
 * the item's own row for this warehouse with no grouping (НастройкаДетальная, lines 45–50); else the
 * item's row naming a grouping (ПринадлежностьГруппе, 52–58) resolved to the grouping's general row —
 * no item, no characteristic, no warehouse (НастройкаГруппировки, 60–66). The further "general"
 * joins (68–98) give a characteristic the settings of its item; the hub plans per item, so rows
 * for a characteristic are left out and the item's row is the general one. `rows` must hold rows
 * in force only (ЭтоДействующийПараметр, which every join above requires).
 */
export function resolveNorms(rows: readonly NormRow[], warehouseId: string): EffectiveNorm[] {
  const itemRows = rows.filter((row) => filled(row.productId) && !filled(row.characteristicId) && row.warehouseId === warehouseId);
  const groupSettings = new Map(
    rows
      .filter((row) => !filled(row.productId) && !filled(row.characteristicId) && !filled(row.warehouseId) && filled(row.groupId))
      .map((row) => [row.groupId, row]),
  );
  const norms = new Map<string, EffectiveNorm>();
  for (const row of itemRows.filter((r) => !filled(r.groupId))) {
    norms.set(row.productId, { productId: row.productId, min: row.min, max: row.max, orderPackId: row.orderPackId, source: 'item' });
  }
  for (const membership of itemRows.filter((r) => filled(r.groupId))) {
    if (norms.has(membership.productId)) continue;
    const setting = groupSettings.get(membership.groupId);
    if (!setting) continue;
    norms.set(membership.productId, { productId: membership.productId, min: setting.min, max: setting.max, orderPackId: setting.orderPackId, source: 'group' });
  }
  return [...norms.values()];
}
