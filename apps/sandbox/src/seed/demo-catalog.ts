import type { OneCWarehouse } from '@hub/integrations';

/**
 * How a product's stock is laid out across the network, so the demo plan has every case:
 * - `dcCovers`: two of three stores are short, the distribution centre has plenty;
 * - `dcPartly`: every store is short, the distribution centre has a little surplus;
 * - `shortEverywhere`: stores are short and the distribution centre is below its own reserve;
 * - `healthy`: nobody needs anything.
 */
export type DemoScenario = 'dcCovers' | 'dcPartly' | 'shortEverywhere' | 'healthy';

/** A demo product: `storeMin` is a store's minimum, `pack` the order multiple everywhere. */
export interface DemoProduct {
  name: string;
  unit: string;
  storeMin: number;
  pack: number;
  scenario: DemoScenario;
}

/** Ids shaped like 1С reference GUIDs, stable across runs so tests can name them. */
export const DEMO_WAREHOUSE_IDS = {
  distributionCentre: '7d3c1f80-5a2e-11ee-8c99-0242ac120002',
  storeTverskaya: '8a41e2b6-5a2e-11ee-8c99-0242ac120002',
  storeNevsky: '93f0a7c4-5a2e-11ee-8c99-0242ac120002',
  storeKazan: '9e62bd18-5a2e-11ee-8c99-0242ac120002',
} as const;

export const DEMO_WAREHOUSES: OneCWarehouse[] = [
  { id: DEMO_WAREHOUSE_IDS.distributionCentre, code: 'РЦ-001', name: 'Распределительный центр (Подольск)' },
  { id: DEMO_WAREHOUSE_IDS.storeTverskaya, code: 'МГ-001', name: 'Магазин на Тверской' },
  { id: DEMO_WAREHOUSE_IDS.storeNevsky, code: 'МГ-002', name: 'Магазин на Невском' },
  { id: DEMO_WAREHOUSE_IDS.storeKazan, code: 'МГ-003', name: 'Магазин в Казани' },
];

const row = (name: string, unit: string, storeMin: number, pack: number, scenario: DemoScenario): DemoProduct => ({
  name,
  unit,
  storeMin,
  pack,
  scenario,
});

export const DEMO_PRODUCTS: DemoProduct[] = [
  row('Молоко 3,2% 1 л', 'шт', 24, 6, 'dcCovers'),
  row('Кефир 2,5% 900 г', 'шт', 18, 6, 'dcCovers'),
  row('Сметана 20% 300 г', 'шт', 12, 6, 'dcCovers'),
  row('Творог 9% 200 г', 'шт', 12, 4, 'dcCovers'),
  row('Масло сливочное 82,5% 180 г', 'шт', 10, 10, 'dcCovers'),
  row('Сыр российский', 'кг', 8, 1, 'dcCovers'),
  row('Яйцо куриное С1, 10 шт', 'уп', 20, 10, 'dcCovers'),
  row('Хлеб пшеничный', 'шт', 30, 6, 'dcCovers'),
  row('Батон нарезной', 'шт', 24, 6, 'dcCovers'),
  row('Мука пшеничная 2 кг', 'шт', 10, 5, 'dcCovers'),
  row('Сахар-песок 1 кг', 'шт', 20, 10, 'dcCovers'),
  row('Соль поваренная 1 кг', 'шт', 6, 6, 'dcCovers'),
  row('Гречка ядрица 900 г', 'шт', 12, 12, 'dcCovers'),
  row('Рис круглозёрный 900 г', 'шт', 12, 12, 'dcCovers'),
  row('Макароны спагетти 450 г', 'шт', 20, 10, 'dcPartly'),
  row('Масло подсолнечное 1 л', 'шт', 15, 15, 'dcPartly'),
  row('Чай чёрный, 100 пакетиков', 'уп', 8, 4, 'dcPartly'),
  row('Кофе молотый 250 г', 'шт', 10, 5, 'dcPartly'),
  row('Сок яблочный 1 л', 'шт', 12, 6, 'dcPartly'),
  row('Вода питьевая 5 л', 'шт', 10, 2, 'shortEverywhere'),
  row('Печенье овсяное 300 г', 'шт', 14, 7, 'shortEverywhere'),
  row('Шоколад молочный 90 г', 'шт', 20, 20, 'shortEverywhere'),
  row('Тушёнка говяжья 325 г', 'шт', 6, 6, 'shortEverywhere'),
  row('Горошек зелёный 400 г', 'шт', 12, 12, 'healthy'),
  row('Кукуруза сладкая 340 г', 'шт', 12, 12, 'healthy'),
  row('Бананы', 'кг', 15, 1, 'healthy'),
  row('Яблоки', 'кг', 15, 1, 'healthy'),
  row('Картофель', 'кг', 25, 5, 'healthy'),
  row('Туалетная бумага, 4 рулона', 'уп', 10, 8, 'healthy'),
  row('Средство для мытья посуды 500 мл', 'шт', 6, 6, 'healthy'),
];
