import { randomUUID } from 'node:crypto';
import type { OneCCreateTransferOrder, OneCTransferOrder } from '@hub/integrations';

/** A transfer order as the sandbox keeps it: what 1С returns plus what tests want to see. */
export interface SandboxTransferOrder extends OneCTransferOrder {
  comment: string | undefined;
  idempotencyKey: string;
  createdAt: string;
}

/** What happened to one POST /transfer-orders. */
export type TransferOrderRequestOutcome = 'created' | 'replayed' | 'conflict' | 'rejected';

/** Every POST /transfer-orders the sandbox received, in order, replays and refusals included. */
export interface ReceivedTransferOrderRequest {
  idempotencyKey: string | undefined;
  outcome: TransferOrderRequestOutcome;
  receivedAt: string;
}

/** Result of a create: `conflict` carries the order the key already belongs to. */
export interface CreateTransferOrderResult {
  outcome: Exclude<TransferOrderRequestOutcome, 'rejected'>;
  order: SandboxTransferOrder;
}

const ORDER_NUMBER_PREFIX = 'ПМ-';
const ORDER_NUMBER_DIGITS = 6;

/**
 * Transfer orders with 1С-like idempotency: one document per Idempotency-Key; the same
 * key with the same body returns that document, with a different body is a conflict.
 */
export class TransferOrderBook {
  readonly documents: SandboxTransferOrder[] = [];
  readonly requests: ReceivedTransferOrderRequest[] = [];
  private readonly byKey = new Map<string, { fingerprint: string; order: SandboxTransferOrder }>();

  create(idempotencyKey: string, body: OneCCreateTransferOrder): CreateTransferOrderResult {
    // The body is already parsed by the contract schema, so key order is the schema's: a stable fingerprint.
    const fingerprint = JSON.stringify(body);
    const known = this.byKey.get(idempotencyKey);
    if (known) {
      const outcome = known.fingerprint === fingerprint ? 'replayed' : 'conflict';
      this.record(idempotencyKey, outcome);
      return { outcome, order: known.order };
    }
    const order: SandboxTransferOrder = {
      id: randomUUID(),
      number: ORDER_NUMBER_PREFIX + String(this.documents.length + 1).padStart(ORDER_NUMBER_DIGITS, '0'),
      status: 'approved',
      hubOrderId: body.hubOrderId,
      sourceWarehouseId: body.sourceWarehouseId,
      targetWarehouseId: body.targetWarehouseId,
      lines: body.lines.map((line) => ({ ...line })),
      comment: body.comment,
      idempotencyKey,
      createdAt: new Date().toISOString(),
    };
    this.documents.push(order);
    this.byKey.set(idempotencyKey, { fingerprint, order });
    this.record(idempotencyKey, 'created');
    return { outcome: 'created', order };
  }

  /** A request refused before it reached the idempotency check (no key, invalid body). */
  recordRejected(idempotencyKey: string | undefined): void {
    this.record(idempotencyKey, 'rejected');
  }

  find(id: string): SandboxTransferOrder | undefined {
    return this.documents.find((order) => order.id === id);
  }

  /** Counts tests assert on: how many times delivery reached us, and how many were repeats. */
  summary() {
    const count = (outcome: TransferOrderRequestOutcome) => this.requests.filter((r) => r.outcome === outcome).length;
    return {
      documents: this.documents,
      requests: this.requests.length,
      duplicates: count('replayed'),
      conflicts: count('conflict'),
      rejected: count('rejected'),
    };
  }

  private record(idempotencyKey: string | undefined, outcome: TransferOrderRequestOutcome): void {
    this.requests.push({ idempotencyKey, outcome, receivedAt: new Date().toISOString() });
  }
}

/** The order as the 1С API shows it: without the sandbox's bookkeeping. */
export function toOneCTransferOrder(order: SandboxTransferOrder): OneCTransferOrder & { comment?: string } {
  const { idempotencyKey: _key, createdAt: _createdAt, comment, ...publicFields } = order;
  return comment === undefined ? publicFields : { ...publicFields, comment };
}
