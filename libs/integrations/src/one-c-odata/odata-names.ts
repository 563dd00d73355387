/**
 * The УТ 11.5 objects and fields the OData connector reads and writes, as the standard interface
 * names them (`Catalog_…`, `<reference>_Key`; the guide, line 220). Sources: the УТ 11.5 dump
 * work1cblackbird/ut11 (Documents/ПеремещениеТоваров.xml, InformationRegisters/ТоварныеОграничения.xml,
 * AccumulationRegisters/ТоварыНаСкладах.xml, Catalogs/УпаковкиЕдиницыИзмерения.xml). Every name can be
 * overridden for a configuration that differs (ONEC_ODATA_NAMES).
 */
export const UT11_ODATA_NAMES = {
  warehouses: 'Catalog_Склады',
  products: 'Catalog_Номенклатура',
  productUnitField: 'ЕдиницаИзмерения_Key',
  packs: 'Catalog_УпаковкиЕдиницыИзмерения',
  packNumeratorField: 'Числитель',
  packDenominatorField: 'Знаменатель',
  norms: 'InformationRegister_ТоварныеОграничения',
  normInForceField: 'ЭтоДействующийПараметр',
  normMinField: 'МинимальноеКоличествоЗапаса',
  normMaxField: 'МаксимальноеКоличествоЗапаса',
  normOrderPackField: 'УпаковкаЗаказа_Key',
  normGroupField: 'ГруппировкаТоварныхОграничений_Key',
  stock: 'AccumulationRegister_ТоварыНаСкладах',
  stockOnHandField: 'ВНаличииBalance',
  stockReservedField: 'КОтгрузкеBalance',
  transfers: 'Document_ПеремещениеТоваров',
  transferLines: 'Товары',
  transferStatusField: 'Статус',
  /** Enum value of СтатусыПеремещенийТоваров (ut11 Enums/СтатусыПеремещенийТоваров.xml, line 111); the other is Отгружено (line 99). */
  transferReceivedStatus: 'Принято',
} as const;

export type ODataNames = { -readonly [K in keyof typeof UT11_ODATA_NAMES]: string };

/** The entity sets and fields the connector relies on, for the start-up check of $metadata. */
export function requiredMetadata(names: ODataNames, skuField: string, idempotencyField: string): ODataRequirement[] {
  return [
    { entitySet: names.warehouses, fields: ['Ref_Key', 'Description', 'IsFolder', 'DeletionMark'] },
    { entitySet: names.products, fields: ['Ref_Key', 'Description', 'IsFolder', 'DeletionMark', skuField, names.productUnitField] },
    { entitySet: names.packs, fields: ['Ref_Key', 'Description', names.packNumeratorField, names.packDenominatorField] },
    {
      entitySet: names.norms,
      fields: [
        'Номенклатура_Key',
        'Характеристика_Key',
        'Склад_Key',
        names.normGroupField,
        names.normInForceField,
        names.normMinField,
        names.normMaxField,
        names.normOrderPackField,
      ],
    },
    { entitySet: names.stock, fields: [], functions: { Balance: [names.stockOnHandField, names.stockReservedField, 'Номенклатура_Key', 'Склад_Key'] } },
    {
      entitySet: names.transfers,
      fields: [
        'Ref_Key',
        'Number',
        'Date',
        'Posted',
        'DeletionMark',
        'Организация_Key',
        'СкладОтправитель_Key',
        'СкладПолучатель_Key',
        names.transferStatusField,
        idempotencyField,
      ],
      functions: { Post: [] },
    },
    { entitySet: `${names.transfers}_${names.transferLines}`, fields: ['LineNumber', 'Номенклатура_Key', 'Количество', 'КоличествоУпаковок'] },
  ];
}

/**
 * One object the connector uses: its entity set, the fields it reads or writes, and the bound
 * functions it calls (`Balance` with the fields of its result, `Post`).
 */
export interface ODataRequirement {
  entitySet: string;
  fields: string[];
  functions?: Record<string, string[]>;
}
