import { describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER } from '@hub/orders';
import { catalogFromOneC, seedOrders } from '@hub/orders/testing';
import { waitFor } from '@hub/testing';
import { documentRequests, readDeliveryLedger } from '../testing/delivery-ledger';
import { useReplicaEnv } from '../testing/replica-env';

const KILLS = 20;
const TRANSFER_ORDERS = 120;
const OUTSIDE_ORDERS = 60;

/**
 * Replicas polling every 100 ms. A short lease, so that the events a killed replica
 * held come back within two seconds; a timeout above the sandbox's latency, so that every retry is
 * the kill's doing; room for an event to be held at many kills in a row.
 */
function crashingReplica(sandboxUrl: string): Record<string, string> {
  return {
    MOYSKLAD_BASE_URL: sandboxUrl,
    OUTBOX_INTERVAL_MS: '100',
    OUTBOX_BATCH_SIZE: '4',
    OUTBOX_CONCURRENCY: '4',
    OUTBOX_DELIVERY_TIMEOUT_MS: '1500',
    OUTBOX_LEASE_MS: '2000',
    OUTBOX_MAX_ATTEMPTS: '100',
    OUTBOX_BACKOFF_BASE_MS: '50',
    OUTBOX_BACKOFF_MAX_MS: '200',
  };
}

describe('kill -9 of the scheduler mid-delivery, many times over one backlog', () => {
  const env = useReplicaEnv('hub_test_crash_loop');

  it(`${KILLS} kills in a row, then one replica to the end: every 1С transfer and МойСклад customer order delivered, each document once`, async () => {
    // Every document request is held a while, so a replica always dies with deliveries in flight (some already answered, not yet recorded).
    await env.sandbox.injectFault({ latencyMs: 150, ratePercent: 100, path: '/transfer-orders' });
    await env.sandbox.injectFault({ system: 'moysklad', latencyMs: 150, ratePercent: 100, path: '/entity/customerorder' });
    const transfers = await seedOrders(env.sessions, { count: TRANSFER_ORDERS, catalog: await catalogFromOneC(env.sandbox.oneC) });
    const outside = await seedOrders(env.sessions, { kind: EXTERNAL_ORDER, count: OUTSIDE_ORDERS });
    const eventIds = [...transfers, ...outside].map((order) => order.eventId);
    const settings = crashingReplica(env.sandbox.baseUrl);

    let kills = 0;
    let requestsAtLastKill = await documentRequests(env.sandbox);
    // Each victim's successor starts while the victim delivers (start-up is most of a life), and takes over from it.
    let successor = env.startReplica(settings);
    while (kills < KILLS) {
      const victim = await successor;
      successor = env.startReplica(settings);
      // Evidence that it is delivering: a new document request since the last kill, and an event it holds in flight.
      await waitFor(
        async () => {
          if ((await documentRequests(env.sandbox)) <= requestsAtLastKill) return undefined;
          const held = (await env.outboxRows(eventIds)).filter((row) => row.status === 'in_flight' && row.lease_owner?.includes(`:${victim.pid}:`));
          return held.length > 0 ? true : undefined;
        },
        30_000,
        async () =>
          `kill ${kills + 1}: replica ${victim.pid} never delivered; ${await env.outboxRows(eventIds).then((rows) => rows.filter((r) => r.status !== 'delivered').length)} events not delivered`,
      );
      await victim.kill();
      kills += 1;
      requestsAtLastKill = await documentRequests(env.sandbox);
    }
    const stillToDeliver = (await env.outboxRows(eventIds)).filter((row) => row.status !== 'delivered').length;

    await successor;
    await env.waitUntilDelivered(eventIds, 90_000);

    const ledger = await readDeliveryLedger(env.sandbox, env.sessions, { transfers, outside });
    process.stdout.write(
      `crash loop: ${kills} kills (kill -9 mid-delivery), ${ledger.events} events (${TRANSFER_ORDERS} 1С transfer orders, ${OUTSIDE_ORDERS} МойСклад customer orders), ` +
        `${stillToDeliver} left after the last kill, ${ledger.retried} taken over after a kill (${ledger.oneCReplays} repeats 1С answered with the document it had), ${ledger.lost.length} lost, ${ledger.duplicates} duplicate documents\n`,
    );
    expect(kills).toBe(KILLS);
    // The backlog outlived the kills: every kill came before the end.
    expect(stillToDeliver).toBeGreaterThan(0);
    expect(ledger.events).toBe(TRANSFER_ORDERS + OUTSIDE_ORDERS);
    expect(ledger.lost).toEqual([]);
    expect(ledger.duplicates).toBe(0);
    expect(ledger.undelivered).toEqual([]);
    expect(ledger.mismatched).toEqual([]);
    expect(ledger.retried).toBeGreaterThan(0);
  });
});
