/**
 * The УТ 11.5 objects the stand-in publishes, with the fields and EDM types of a real base
 * (attributes from the dump work1cblackbird/ut11: Catalogs/Номенклатура.xml, Catalogs/Склады.xml,
 * Catalogs/УпаковкиЕдиницыИзмерения.xml, InformationRegisters/ТоварныеОграничения.xml,
 * AccumulationRegisters/ТоварыНаСкладах.xml, Documents/ПеремещениеТоваров.xml), trimmed to what a
 * hub could touch. Standard fields follow the guide (Ref_Key, DataVersion, Description, IsFolder…).
 */
export interface EntityShape {
  name: string;
  key: string[];
  /** Field → EDM type. */
  types: Record<string, string>;
  fields: Set<string>;
  /** Strings of unlimited length: 1С cannot compare them with eq/ne (Комментарий: Length 0 in the dump). */
  unlimited: Set<string>;
}

function shape(name: string, key: string[], types: Record<string, string>, unlimited: string[] = []): EntityShape {
  return { name, key, types, fields: new Set(Object.keys(types)), unlimited: new Set(unlimited) };
}

const G = 'Edm.Guid';
const S = 'Edm.String';
const B = 'Edm.Boolean';
const D = 'Edm.Double';
const T = 'Edm.DateTime';
const CATALOG = { Ref_Key: G, DataVersion: S, DeletionMark: B, Predefined: B, PredefinedDataName: S };

export const UT11_SHAPES = {
  warehouses: shape('Catalog_Склады', ['Ref_Key'], { ...CATALOG, Parent_Key: G, IsFolder: B, Description: S, ТипСклада: S, Подразделение_Key: G }),
  products: shape('Catalog_Номенклатура', ['Ref_Key'], {
    ...CATALOG,
    Parent_Key: G,
    IsFolder: B,
    Code: S,
    Description: S,
    Артикул: S,
    НаименованиеПолное: S,
    ЕдиницаИзмерения_Key: G,
    ВидНоменклатуры_Key: G,
    ИспользованиеХарактеристик: S,
    ИспользоватьУпаковки: B,
  }),
  packs: shape('Catalog_УпаковкиЕдиницыИзмерения', ['Ref_Key'], {
    ...CATALOG,
    Owner: S,
    Owner_Type: S,
    Description: S,
    Числитель: D,
    Знаменатель: D,
    ЕдиницаИзмерения_Key: G,
    ТипУпаковки: S,
  }),
  norms: shape('InformationRegister_ТоварныеОграничения', ['Склад_Key', 'Номенклатура_Key', 'Характеристика_Key', 'ГруппировкаТоварныхОграничений_Key'], {
    Склад_Key: G,
    Номенклатура_Key: G,
    Характеристика_Key: G,
    ГруппировкаТоварныхОграничений_Key: G,
    СтраховоеКоличествоЗапаса: D,
    МинимальноеКоличествоЗапаса: D,
    МаксимальноеКоличествоЗапаса: D,
    МетодОбеспеченияПотребностей_Key: G,
    УпаковкаЗаказа_Key: G,
    ЭтоДействующийПараметр: B,
    ЭтоГруппировка: B,
  }),
  stock: shape('AccumulationRegister_ТоварыНаСкладах', ['Recorder', 'Recorder_Type'], { Recorder: S, Recorder_Type: S }),
  stockBalance: shape('AccumulationRegister_ТоварыНаСкладах_Balance', [], {
    Номенклатура_Key: G,
    Характеристика_Key: G,
    Склад_Key: G,
    ВНаличииBalance: D,
    КОтгрузкеBalance: D,
  }),
  transfers: shape(
    'Document_ПеремещениеТоваров',
    ['Ref_Key'],
    {
      Ref_Key: G,
      DataVersion: S,
      DeletionMark: B,
      Number: S,
      Date: T,
      Posted: B,
      Организация_Key: G,
      СкладОтправитель_Key: G,
      СкладПолучатель_Key: G,
      Статус: S,
      ХозяйственнаяОперация: S,
      Комментарий: S,
      Ответственный_Key: G,
      Товары: 'Collection(StandardODATA.Document_ПеремещениеТоваров_Товары_RowType)',
    },
    ['Комментарий'],
  ),
  transferLines: shape('Document_ПеремещениеТоваров_Товары', ['Ref_Key', 'LineNumber'], {
    Ref_Key: G,
    LineNumber: 'Edm.Int64',
    Номенклатура_Key: G,
    Характеристика_Key: G,
    Упаковка_Key: G,
    КоличествоУпаковок: D,
    Количество: D,
  }),
} as const;

export type UT11Shapes = typeof UT11_SHAPES;
