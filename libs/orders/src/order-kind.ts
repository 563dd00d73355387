import type { ExternalSystem, MoySkladClient, MoySkladOrderParties, MoySkladOrderSettings, OneCClient } from '@hub/integrations';
import type { OutboxHandler } from '@hub/outbox';

/**
 * One kind of document the hub orders with (a transfer to 1С, an outside order to
 * МойСклад): everything that names it, written once, in its own module. The list of kinds
 * (kinds.ts) is the only other place that mentions it.
 */
export interface OrderKind {
  /** How messages name one of its orders. */
  label: string;
  /** The outbox event that delivers an order of this kind. */
  eventType: string;
  /** The outbox aggregate its events belong to; the aggregate id is the order's id. */
  aggregateType: string;
  /** The hub's table of its orders (taken from its entity, so the name is written once). */
  table: string;
  /** Where an order's lines are: their table (from its entity) and the column naming the order. */
  lines: { table: string; orderColumn: string };
  /** Who receives it. */
  system: ExternalSystem;
  /**
   * Delivers one event of `eventType` and resolves what the other side created. Undefined
   * when the process has no client for `system`: its events then die as unhandled.
   */
  createHandler(clients: OrderClients): OutboxHandler | undefined;
}

/** The calls a МойСклад delivery makes. */
export type MoySkladOrdering = Pick<
  MoySkladClient,
  'findProducts' | 'findCustomerOrderByExternalCode' | 'createCustomerOrder' | 'completeCustomerOrderPositions'
>;

/** The clients deliveries use; a process without МойСклад delivers no outside orders. */
export interface OrderClients {
  oneC: Pick<OneCClient, 'createTransferOrder'>;
  moysklad?:
    | {
        client: MoySkladOrdering;
        /** Our supplier's legal entity, us as its counterparty, and its store. */
        parties: MoySkladOrderParties;
        /** How long an SKU → product lookup is reused; default 5 minutes. */
        productCacheMs?: number;
        /** How orders map onto the supplier's catalogue (MOYSKLAD_SKU_FIELD …); defaults as in the README. */
        ordering?: Partial<MoySkladOrderSettings>;
      }
    | undefined;
}
