/** Test support (imported by specs only): what the sandbox holds for a backlog of hub orders, counted per order. */
import { sqlArray, type SessionFactory } from '@hub/db';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { readMoySkladSandboxStats, type SandboxProcess } from '@hub/testing';

/** An order of the backlog and the event that delivers it. */
export interface BacklogOrder {
  orderId: string;
  eventId: string;
}

/** The backlog's fate, from the sandbox's own records and the hub's tables. */
export interface DeliveryLedger {
  events: number;
  /** Events whose order has no document in the sandbox. */
  lost: string[];
  /** Documents beyond the first per order (1С by hub order id, МойСклад by externalCode = event id). */
  duplicates: number;
  /** Outbox rows not `delivered`, with their status. */
  undelivered: Array<{ id: string; status: string }>;
  /** Orders whose stored external id is not the one document the sandbox holds for them. */
  mismatched: string[];
  /** Events tried more than once: a replica died holding them (or timed out) and another took them over. */
  retried: number;
  /** Repeats of an Idempotency-Key 1С had already answered: a replica died after sending, before recording. */
  oneCReplays: number;
}

/** Create requests the sandbox received so far, 1С and МойСклад together: progress a kill can wait for. */
export async function documentRequests(sandbox: SandboxProcess): Promise<number> {
  const [oneC, moysklad] = await Promise.all([sandbox.transferOrders(), readMoySkladSandboxStats(sandbox.baseUrl)]);
  return oneC.requests + moysklad.customerOrders.createRequests;
}

/** The sandbox's document ids per key. */
function tally(keys: Array<{ key: string; id: string }>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const { key, id } of keys) byKey.set(key, [...(byKey.get(key) ?? []), id]);
  return byKey;
}

/** Reads the sandbox's 1С transfer documents and МойСклад customer orders and the hub's rows for `transfers` and `outside` orders. */
export async function readDeliveryLedger(
  sandbox: SandboxProcess,
  sessions: SessionFactory,
  backlog: { transfers: BacklogOrder[]; outside: BacklogOrder[] },
): Promise<DeliveryLedger> {
  const [oneC, moysklad] = await Promise.all([sandbox.transferOrders(), readMoySkladSandboxStats(sandbox.baseUrl)]);
  const transferDocs = tally(oneC.documents.map((doc) => ({ key: doc.hubOrderId, id: doc.id })));
  const outsideDocs = tally(moysklad.customerOrders.documents.map((doc) => ({ key: doc.externalCode, id: doc.id })));
  // The document each order should be linked to: by hub order id in 1С, by event id (externalCode) in МойСклад.
  const expected = [
    ...backlog.transfers.map((order) => ({ ...order, docs: transferDocs.get(order.orderId) ?? [] })),
    ...backlog.outside.map((order) => ({ ...order, docs: outsideDocs.get(order.eventId) ?? [] })),
  ];
  const eventIds = expected.map((order) => order.eventId);
  const session = sessions.open();
  const rows = await session.execute<Array<{ id: string; status: string; attempts: number }>>(
    'select id, status, attempts from outbox_events where id = any(?::uuid[])',
    [sqlArray(eventIds)],
    'all',
  );
  const stored = await session.execute<Array<{ id: string; external_id: string | null }>>(
    `select id, external_id from ${TRANSFER_ORDER.table} where id = any(?::uuid[])
     union all select id, external_id from ${EXTERNAL_ORDER.table} where id = any(?::uuid[])`,
    [sqlArray(backlog.transfers.map((o) => o.orderId)), sqlArray(backlog.outside.map((o) => o.orderId))],
    'all',
  );
  const externalIds = new Map(stored.map((row) => [row.id, row.external_id]));
  return {
    events: rows.length,
    lost: expected.filter((order) => order.docs.length === 0).map((order) => order.eventId),
    duplicates: expected.reduce((sum, order) => sum + Math.max(0, order.docs.length - 1), 0),
    undelivered: rows.filter((row) => row.status !== 'delivered').map(({ id, status }) => ({ id, status })),
    mismatched: expected.filter((order) => order.docs.length === 1 && externalIds.get(order.orderId) !== order.docs[0]).map((order) => order.orderId),
    retried: rows.filter((row) => row.attempts > 1).length,
    oneCReplays: oneC.duplicates,
  };
}
