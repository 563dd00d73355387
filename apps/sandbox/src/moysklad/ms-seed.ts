import { MOYSKLAD_DEFAULT_PRICE_TYPE, MOYSKLAD_ENV_DEFAULTS } from '@hub/integrations';
import { createDemoSeed } from '../seed/demo-seed';

/** An entity the sandbox's МойСклад knows: enough to answer lookups and check references. */
export interface MsSandboxEntity {
  id: string;
  name: string;
}
export interface MsSandboxProduct extends MsSandboxEntity {
  /** The hub's SKU by default (md/dictionaries/_product.md «article»); МойСклад does not make it unique. */
  article: string | undefined;
  code: string | undefined;
  externalCode: string;
  archived: boolean;
  /** md/dictionaries/_product.md lines 269–275: sale prices in kopecks by price type; line 24 the purchase price. */
  salePrices: Array<{ priceType: string; value: number }>;
  buyPrice: number | undefined;
  /** VAT % (0 and vatEnabled false: "без НДС"). */
  vat: number;
  vatEnabled: boolean;
}
/** A variant («модификация») of a product: an assortment item of its own, with its own stock. */
export interface MsSandboxVariant extends MsSandboxEntity {
  productId: string;
}
/** Stock of one assortment item (a product or a variant) in one store. */
export interface MsSandboxStockRow {
  assortmentId: string;
  storeId: string;
  stock: number;
  reserve: number;
}

/** The supplier's account as the sandbox starts with it. */
export interface MsSandboxSeed {
  organizations: MsSandboxEntity[];
  counterparties: MsSandboxEntity[];
  stores: MsSandboxEntity[];
  products: MsSandboxProduct[];
  variants: MsSandboxVariant[];
  stock: MsSandboxStockRow[];
}

/** Ids shaped like МойСклад's, stable across starts; the first of each kind is the client's default. */
const msId = (kind: number, index: number) => `b7${kind.toString(16).padStart(2, '0')}${index.toString(16).padStart(4, '0')}-0b4e-11ef-8a84-bae500000000`;
const RESERVE_STORE_ID = msId(1, 1);

/**
 * The supplier's МойСклад account: our network as a counterparty, the supplier's legal entity,
 * its main store with plenty of every demo product (SKUs from the 1С demo catalogue as
 * `article`) and a reserve store with a little. Built fresh on every call.
 */
export function createMoySkladSeed(): MsSandboxSeed {
  const products = createDemoSeed().products.map((product, index) => ({
    id: msId(2, index + 1),
    name: product.name,
    article: product.sku,
    code: String(index + 1).padStart(5, '0'),
    externalCode: `ms-ext-${String(index + 1).padStart(5, '0')}`,
    archived: false,
    // Whole roubles in kopecks, a wholesale and a purchase price; food at the reduced 10 % VAT, the rest 20 %.
    salePrices: [
      { priceType: MOYSKLAD_DEFAULT_PRICE_TYPE, value: 4_900 + 1_000 * index },
      { priceType: 'Оптовая цена', value: 4_500 + 900 * index },
    ],
    buyPrice: 3_000 + 700 * index,
    vat: index < 20 ? 10 : 20,
    vatEnabled: true,
  }));
  const mainStore = MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID;
  return {
    organizations: [{ id: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID, name: 'ООО «Оптовый поставщик»' }],
    counterparties: [{ id: MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID, name: 'Розничная сеть (Integration Hub)' }],
    stores: [
      { id: mainStore, name: 'Основной склад поставщика' },
      { id: RESERVE_STORE_ID, name: 'Резервный склад поставщика' },
    ],
    products,
    variants: [],
    stock: products.flatMap((product, index) => [
      { assortmentId: product.id, storeId: mainStore, stock: 500 + 10 * index, reserve: index % 3 },
      { assortmentId: product.id, storeId: RESERVE_STORE_ID, stock: 20, reserve: 0 },
    ]),
  };
}
