import { describe, expect, it } from 'vitest';
import type { SeededOrder } from '@hub/orders/testing';
import { waitFor } from '@hub/testing';
import { useReplicaEnv } from './testing/replica-env';

/**
 * Small batches polled every 100 ms, so that the replicas share the work. The timeout is far
 * above the sandbox's latency even on a busy machine: a delivery that times out may still
 * have reached 1С, and its retry would then be a (harmless, but counted) replay.
 */
const REPLICA = {
  OUTBOX_INTERVAL_MS: '100',
  OUTBOX_BATCH_SIZE: '4',
  OUTBOX_CONCURRENCY: '2',
  OUTBOX_DELIVERY_TIMEOUT_MS: '5000',
  OUTBOX_LEASE_MS: '15000',
};
/** A short lease, so that a killed replica's events come back within a second and a half. */
const SHORT_LEASE_REPLICA = { ...REPLICA, OUTBOX_BATCH_SIZE: '1', OUTBOX_CONCURRENCY: '1', OUTBOX_DELIVERY_TIMEOUT_MS: '1200', OUTBOX_LEASE_MS: '1500' };

describe('scheduler replicas sharing one outbox (real processes, one database, one sandbox)', () => {
  const env = useReplicaEnv('hub_test_replicas');

  /** What the sandbox holds for these hub orders: documents per order, and repeats of a known key. */
  async function documentsFor(orders: Array<{ orderId: string }>) {
    const received = await env.sandbox.transferOrders();
    const ours = new Set(orders.map((order) => order.orderId));
    const documents = received.documents.filter((doc) => ours.has(doc.hubOrderId));
    return { documents, perOrder: new Set(documents.map((doc) => doc.hubOrderId)).size, replays: received.duplicates };
  }

  it('three replicas deliver every event exactly once: one document per order, no duplicate request', async () => {
    // Some latency, so that deliveries of different replicas overlap in time.
    await env.sandbox.injectFault({ latencyMs: 30, ratePercent: 100, path: '/transfer-orders' });
    await Promise.all([1, 2, 3].map(() => env.startReplica(REPLICA)));
    const before = await env.sandbox.transferOrders();
    const orders = await env.enqueueTransferOrders(30);

    const rows = await env.waitUntilDelivered(orders.map((order) => order.eventId));

    const { documents, perOrder, replays } = await documentsFor(orders);
    expect(documents).toHaveLength(30);
    expect(perOrder).toBe(30);
    expect(replays - before.duplicates).toBe(0);
    expect((await env.sandbox.transferOrders()).requests - before.requests).toBe(30);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    const statuses = await env.orm.em
      .fork()
      .execute<{ status: string; n: number }[]>(
        'select status, count(*)::int as n from transfer_orders where id in (select jsonb_array_elements_text(?::jsonb)::uuid) group by status',
        [JSON.stringify(orders.map((order) => order.orderId))],
        'all',
      );
    expect(statuses).toEqual([{ status: 'sent', n: 30 }]);
  });

  it('kill -9 of a replica mid-delivery, three times over: nothing is lost and no order gets a second document', async () => {
    // Each delivery takes a while, so a replica always has a delivery in flight when it dies.
    await env.sandbox.injectFault({ latencyMs: 250, ratePercent: 100, path: '/transfer-orders' });
    const victims = await Promise.all([1, 2, 3].map(() => env.startReplica(SHORT_LEASE_REPLICA)));
    const orders = await env.enqueueTransferOrders(40);
    const eventIds = orders.map((order) => order.eventId);
    const replacements: Array<Promise<unknown>> = [];

    let requestsAtLastKill = (await env.sandbox.transferOrders()).requests;
    for (const victim of victims) {
      // Some progress since the last kill, and the victim (its pid is in its lease owner) holds an event it is delivering.
      await waitFor(
        async () => {
          const progressed = (await env.sandbox.transferOrders()).requests >= requestsAtLastKill + 4;
          const leased = (await env.outboxRows(eventIds)).some((row) => row.status === 'in_flight' && row.lease_owner?.includes(`:${victim.pid}:`));
          return progressed && leased ? true : undefined;
        },
        15_000,
        async () => `replica ${victim.pid} never held a lease: ${JSON.stringify(await env.outboxRows(eventIds))}`,
      );
      await victim.kill();
      requestsAtLastKill = (await env.sandbox.transferOrders()).requests;
      replacements.push(env.startReplica(SHORT_LEASE_REPLICA));
    }
    await Promise.all(replacements);
    const rows = await env.waitUntilDelivered(eventIds);

    const { documents, perOrder } = await documentsFor(orders);
    expect(perOrder).toBe(40);
    expect(documents).toHaveLength(40);
    expect(new Set(documents.map((doc) => doc.idempotencyKey))).toEqual(new Set(eventIds));
    // The killed replicas' events were taken over once their leases ran out, and those tries counted.
    expect(rows.filter((row) => row.attempts > 1).length).toBeGreaterThan(0);
  });

  it('an event whose delivery kills every replica that tries it is dead after the last attempt, and its order failed', async () => {
    // Deliveries hang (then the sandbox drops them unanswered): every try ends with its replica killed.
    await env.sandbox.injectFault({ latencyMs: 5_000, drop: 'before_handling', ratePercent: 100, path: '/transfer-orders' });
    // A timeout well above the time it takes to spot the holder and kill it: every try must end in a kill, not a timeout.
    const crashing = { ...SHORT_LEASE_REPLICA, OUTBOX_DELIVERY_TIMEOUT_MS: '2000', OUTBOX_LEASE_MS: '2500', OUTBOX_MAX_ATTEMPTS: '2' };
    const replicas = await Promise.all([1, 2, 3].map(() => env.startReplica(crashing)));
    const [{ orderId, eventId }] = (await env.enqueueTransferOrders(1)) as [SeededOrder];

    for (let attempt = 1; attempt <= 2; attempt += 1) {
      const holder = await waitFor(
        async () => {
          const [row] = await env.outboxRows([eventId]);
          return row?.status === 'in_flight' && row.attempts === attempt ? replicas.find((r) => row.lease_owner?.includes(`:${r.pid}:`)) : undefined;
        },
        15_000,
        async () => `attempt ${attempt} never started: ${JSON.stringify(await env.outboxRows([eventId]))}`,
      );
      await holder.kill();
    }
    const [row] = await waitFor(
      async () => ((await env.outboxRows([eventId]))[0]?.status === 'dead' ? env.outboxRows([eventId]) : undefined),
      15_000,
      async () => JSON.stringify(await env.outboxRows([eventId])),
    );

    expect(row).toMatchObject({ status: 'dead', attempts: 2, lease_owner: null });
    const [stored] = await env.orm.em
      .fork()
      .execute<{ last_error: string; order_status: string }[]>(
        `select e.last_error, o.status as order_status from outbox_events e join transfer_orders o on o.id = e.aggregate_id where e.id = ?::uuid`,
        [eventId],
        'all',
      );
    expect(stored?.last_error).toMatch(/lease of scheduler@.* expired on attempt 2 of 2/);
    expect(stored?.order_status).toBe('failed');
    expect((await env.sandbox.transferOrders()).documents.filter((doc) => doc.hubOrderId === orderId)).toEqual([]);
  });
});
