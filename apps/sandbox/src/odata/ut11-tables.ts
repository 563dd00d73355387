/**
 * The demo network as УТ 11 would hold it, built from the sandbox's state on every read (so sales
 * and received transfers show): the same warehouse and product ids as the HTTP-service stand-in, so
 * both connectors plan the same orders.
 */
import type { SandboxState } from '../state/sandbox-state';
import type { Row } from './odata-query';

export const EMPTY_REF = '00000000-0000-0000-0000-000000000000';
/** The one organization documents are written for (the hub's ONEC_ODATA_ORGANIZATION_KEY default). */
export const SANDBOX_ORGANIZATION_KEY = '5f1d7a9e-1c00-4000-8000-000000000001';
const ref = (kind: number, n: number) => `5f1d7a9e-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;

const unitKey = (unit: string) =>
  ref(
    2,
    [...unit].reduce((sum, char) => sum + char.charCodeAt(0), 0),
  );
const packKey = (units: number) => ref(3, units);
const groupKey = (n: number) => ref(4, n);
/** Items the hub must leave out: a folder and a warehouse marked for deletion. */
const WAREHOUSE_FOLDER = ref(5, 1);
const CLOSED_WAREHOUSE = ref(5, 2);
const PRODUCT_FOLDER = ref(6, 1);

const catalogItem = (row: Row): Row => ({
  DataVersion: 'AAAAAQAAAAA=',
  DeletionMark: false,
  Predefined: false,
  PredefinedDataName: '',
  IsFolder: false,
  Parent_Key: EMPTY_REF,
  ...row,
});

export function warehouseRows(state: SandboxState): Row[] {
  return [
    catalogItem({ Ref_Key: WAREHOUSE_FOLDER, IsFolder: true, Description: 'Магазины' }),
    catalogItem({ Ref_Key: CLOSED_WAREHOUSE, DeletionMark: true, Description: 'Склад на Лесной (закрыт)', ТипСклада: 'Оптовый', Подразделение_Key: EMPTY_REF }),
    ...state.warehouses.map((w) =>
      catalogItem({ Ref_Key: w.id, Description: w.name, ТипСклада: w.code.startsWith('РЦ') ? 'Оптовый' : 'Розничный', Подразделение_Key: EMPTY_REF }),
    ),
  ];
}

export function productRows(state: SandboxState): Row[] {
  return [
    catalogItem({ Ref_Key: PRODUCT_FOLDER, IsFolder: true, Code: 'НФ-000000', Description: 'Продукты', Артикул: '' }),
    ...state.seed.products.map((p, index) =>
      catalogItem({
        Ref_Key: p.id,
        Code: `НФ-${String(index + 1).padStart(6, '0')}`,
        Description: p.name,
        НаименованиеПолное: p.name,
        Артикул: p.sku,
        ЕдиницаИзмерения_Key: unitKey(p.unit),
        ВидНоменклатуры_Key: EMPTY_REF,
        ИспользованиеХарактеристик: 'НеИспользовать',
        ИспользоватьУпаковки: true,
      }),
    ),
  ];
}

export function packRows(state: SandboxState): Row[] {
  const units = [...new Set(state.seed.products.map((p) => p.unit))].map((unit) =>
    catalogItem({
      Ref_Key: unitKey(unit),
      Owner: EMPTY_REF,
      Owner_Type: '',
      Description: unit,
      Числитель: 1,
      Знаменатель: 1,
      ЕдиницаИзмерения_Key: EMPTY_REF,
      ТипУпаковки: 'Конечная',
    }),
  );
  const packs = [...new Set(state.seed.settings.map((s) => s.multiple).filter((m) => m > 1))].map((units) =>
    catalogItem({
      Ref_Key: packKey(units),
      Owner: EMPTY_REF,
      Owner_Type: '',
      Description: `упак (${units} шт)`,
      Числитель: units,
      Знаменатель: 1,
      ЕдиницаИзмерения_Key: EMPTY_REF,
      ТипУпаковки: 'Составная',
    }),
  );
  return [...units, ...packs];
}

const normRow = (row: Partial<Record<string, unknown>>): Row => ({
  Склад_Key: EMPTY_REF,
  Номенклатура_Key: EMPTY_REF,
  Характеристика_Key: EMPTY_REF,
  ГруппировкаТоварныхОграничений_Key: EMPTY_REF,
  СтраховоеКоличествоЗапаса: 0,
  МинимальноеКоличествоЗапаса: 0,
  МаксимальноеКоличествоЗапаса: 0,
  МетодОбеспеченияПотребностей_Key: EMPTY_REF,
  УпаковкаЗаказа_Key: EMPTY_REF,
  ЭтоДействующийПараметр: true,
  ЭтоГруппировка: false,
  ...row,
});

/**
 * The seed's norms written the ways УТ keeps them: the distribution centre's as item rows; the
 * stores' through groupings (one per distinct min/max/multiple: membership rows plus the grouping's
 * general row), so the hub must resolve item → group as УТ does. Rows that must not count: an
 * item row no longer in force (for a product that has only its grouping), a row for a characteristic, and a "promo" grouping the first store's
 * first product belongs to while its own item row says otherwise (the item row wins).
 */
export function normRows(state: SandboxState): Row[] {
  const [dc, ...stores] = state.warehouses.map((w) => w.id);
  const pack = (multiple: number) => (multiple > 1 ? packKey(multiple) : EMPTY_REF);
  const groups = new Map<string, number>();
  const rows: Row[] = [];
  for (const setting of state.seed.settings) {
    const values = { МинимальноеКоличествоЗапаса: setting.min, МаксимальноеКоличествоЗапаса: setting.max, УпаковкаЗаказа_Key: pack(setting.multiple) };
    if (setting.warehouseId === dc || !stores.includes(setting.warehouseId)) {
      rows.push(normRow({ Склад_Key: setting.warehouseId, Номенклатура_Key: setting.productId, ...values }));
      continue;
    }
    const signature = `${setting.min}/${setting.max}/${setting.multiple}`;
    if (!groups.has(signature)) {
      groups.set(signature, groups.size + 1);
      rows.push(normRow({ ГруппировкаТоварныхОграничений_Key: groupKey(groups.size), ЭтоГруппировка: true, ...values }));
    }
    rows.push(
      normRow({ Склад_Key: setting.warehouseId, Номенклатура_Key: setting.productId, ГруппировкаТоварныхОграничений_Key: groupKey(groups.get(signature)!) }),
    );
  }
  const first = state.seed.settings.find((s) => s.warehouseId === stores[0]);
  if (first) {
    const promo = groupKey(999);
    rows.push(normRow({ ГруппировкаТоварныхОграничений_Key: promo, ЭтоГруппировка: true, МинимальноеКоличествоЗапаса: 1, МаксимальноеКоличествоЗапаса: 2 }));
    rows.push(normRow({ Склад_Key: first.warehouseId, Номенклатура_Key: first.productId, ГруппировкаТоварныхОграничений_Key: promo }));
    rows.push(
      normRow({
        Склад_Key: first.warehouseId,
        Номенклатура_Key: first.productId,
        МинимальноеКоличествоЗапаса: first.min,
        МаксимальноеКоличествоЗапаса: first.max,
        УпаковкаЗаказа_Key: pack(first.multiple),
      }),
    );
    const second = state.seed.settings.find((s) => s.warehouseId === first.warehouseId && s.productId !== first.productId);
    if (second)
      rows.push(
        normRow({
          Склад_Key: second.warehouseId,
          Номенклатура_Key: second.productId,
          ЭтоДействующийПараметр: false,
          МинимальноеКоличествоЗапаса: 500,
          МаксимальноеКоличествоЗапаса: 900,
        }),
      );
    rows.push(
      normRow({
        Склад_Key: first.warehouseId,
        Номенклатура_Key: first.productId,
        Характеристика_Key: ref(7, 1),
        МинимальноеКоличествоЗапаса: 3,
        МаксимальноеКоличествоЗапаса: 4,
      }),
    );
  }
  return rows;
}

/** ТоварыНаСкладах balance per product and warehouse (ВНаличии, КОтгрузке) from the sandbox's stock. */
export function balanceRows(state: SandboxState): Row[] {
  return state.stock.map((row) => ({
    Номенклатура_Key: row.productId,
    Характеристика_Key: EMPTY_REF,
    Склад_Key: row.warehouseId,
    ВНаличииBalance: row.onHand,
    КОтгрузкеBalance: row.reserved,
  }));
}
