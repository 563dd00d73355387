import { randomUUID } from 'node:crypto';

/** A position as МойСклад keeps it (md/documents/_customerOrder.md lines 76–106): price in kopecks, discount %, VAT %. */
export interface MsSandboxPosition {
  id: string;
  productId: string;
  quantity: number;
  price: number;
  discount: number;
  vat: number;
  vatEnabled: boolean;
  reserve: number;
}

/** A customer order as the sandbox keeps it. */
export interface MsSandboxCustomerOrder {
  id: string;
  name: string;
  externalCode: string;
  syncId: string | undefined;
  organizationId: string;
  agentId: string;
  storeId: string | undefined;
  description: string | undefined;
  code: string | undefined;
  moment: string | undefined;
  applicable: boolean;
  vatEnabled: boolean;
  vatIncluded: boolean;
  positions: MsSandboxPosition[];
  created: string;
}

export type NewCustomerOrder = Omit<MsSandboxCustomerOrder, 'id' | 'name' | 'created' | 'positions' | 'externalCode'> & {
  /** МойСклад generates both when absent. */
  name: string | undefined;
  externalCode: string | undefined;
  positions: Array<Omit<MsSandboxPosition, 'id'>>;
};

/**
 * The sums МойСклад computes from an order's positions, in kopecks: each line is quantity × price
 * less its discount; VAT is inside that when `vatIncluded`, added on top otherwise, none when
 * `vatEnabled` is false; `reservedSum` prices the reserved quantities likewise.
 */
export function orderSums(order: Pick<MsSandboxCustomerOrder, 'positions' | 'vatEnabled' | 'vatIncluded'>): {
  sum: number;
  vatSum: number;
  reservedSum: number;
} {
  let sum = 0;
  let vatSum = 0;
  let reservedSum = 0;
  for (const position of order.positions) {
    const net = position.quantity * position.price * (1 - position.discount / 100);
    const rate = order.vatEnabled && position.vatEnabled ? position.vat / 100 : 0;
    sum += order.vatIncluded ? net : net * (1 + rate);
    vatSum += order.vatIncluded ? (net * rate) / (1 + rate) : net * rate;
    reservedSum += position.reserve * position.price * (1 - position.discount / 100);
  }
  return { sum: Math.round(sum), vatSum: Math.round(vatSum), reservedSum: Math.round(reservedSum) };
}

/** An externalCode as МойСклад generates one: 22 characters of letters and digits. */
const generatedCode = (): string => randomUUID().replaceAll('-', '').slice(0, 22);

/** Every create the sandbox received; `duplicate`: its externalCode already belonged to an order. */
export interface ReceivedCreate {
  externalCode: string;
  outcome: 'created' | 'replayed_by_sync_id';
  duplicate: boolean;
  receivedAt: string;
}

const NAME_DIGITS = 5;

/**
 * Customer orders with МойСклад's semantics: externalCode is just a field (МойСклад does not
 * refuse a second order with the same one, which is why the hub looks it up first), while a
 * known syncId returns the earlier order instead of creating one (md/_general.md).
 */
export class CustomerOrderBook {
  readonly documents: MsSandboxCustomerOrder[] = [];
  readonly creates: ReceivedCreate[] = [];

  create(request: NewCustomerOrder): { order: MsSandboxCustomerOrder; replayed: boolean } {
    const order = { ...request, externalCode: request.externalCode ?? generatedCode() };
    const duplicate = this.documents.some((doc) => doc.externalCode === order.externalCode);
    const known = order.syncId === undefined ? undefined : this.documents.find((doc) => doc.syncId === order.syncId);
    const receivedAt = new Date().toISOString();
    if (known) {
      this.creates.push({ externalCode: order.externalCode, outcome: 'replayed_by_sync_id', duplicate, receivedAt });
      return { order: known, replayed: true };
    }
    const created: MsSandboxCustomerOrder = {
      ...order,
      id: randomUUID(),
      name: order.name ?? String(this.documents.length + 1).padStart(NAME_DIGITS, '0'),
      positions: order.positions.map((position) => ({ id: randomUUID(), ...position })),
      created: receivedAt,
    };
    this.documents.push(created);
    this.creates.push({ externalCode: order.externalCode, outcome: 'created', duplicate, receivedAt });
    return { order: created, replayed: false };
  }

  find(id: string): MsSandboxCustomerOrder | undefined {
    return this.documents.find((doc) => doc.id === id);
  }

  addPositions(order: MsSandboxCustomerOrder, positions: Array<Omit<MsSandboxPosition, 'id'>>): MsSandboxPosition[] {
    const added = positions.map((position) => ({ id: randomUUID(), ...position }));
    order.positions.push(...added);
    return added;
  }

  /**
   * What tests and the benchmark assert on. `duplicateRequests`: creates that carried an
   * externalCode already in use; `duplicateDocuments`: orders beyond the first per externalCode.
   */
  summary() {
    const perCode = new Map<string, number>();
    for (const doc of this.documents) perCode.set(doc.externalCode, (perCode.get(doc.externalCode) ?? 0) + 1);
    return {
      documents: this.documents.map((doc) => ({
        id: doc.id,
        name: doc.name,
        externalCode: doc.externalCode,
        positionCount: doc.positions.length,
        sum: orderSums(doc).sum,
        positions: doc.positions.map(({ productId, quantity, price, vat, reserve }) => ({ productId, quantity, price, vat, reserve })),
      })),
      createRequests: this.creates.length,
      duplicateRequests: this.creates.filter((c) => c.duplicate).length,
      duplicateDocuments: [...perCode.values()].reduce((sum, n) => sum + n - 1, 0),
    };
  }
}
