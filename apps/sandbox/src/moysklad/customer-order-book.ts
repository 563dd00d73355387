import { randomUUID } from 'node:crypto';

export interface MsSandboxPosition {
  id: string;
  productId: string;
  quantity: number;
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
  positions: MsSandboxPosition[];
  created: string;
}

export type NewCustomerOrder = Omit<MsSandboxCustomerOrder, 'id' | 'name' | 'created' | 'positions'> & {
  positions: Array<Omit<MsSandboxPosition, 'id'>>;
};

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

  create(order: NewCustomerOrder): { order: MsSandboxCustomerOrder; replayed: boolean } {
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
      name: String(this.documents.length + 1).padStart(NAME_DIGITS, '0'),
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
      documents: this.documents.map(({ id, name, externalCode, positions }) => ({ id, name, externalCode, positionCount: positions.length })),
      createRequests: this.creates.length,
      duplicateRequests: this.creates.filter((c) => c.duplicate).length,
      duplicateDocuments: [...perCode.values()].reduce((sum, n) => sum + n - 1, 0),
    };
  }
}
