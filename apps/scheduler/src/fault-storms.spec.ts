import { describe, expect, it } from 'vitest';
import type { SandboxInjectedFault } from '@hub/testing';
import { useReplicaEnv } from './testing/replica-env';

const PATH = '/transfer-orders';
const RETRY_AFTER_SECONDS = 1;

/** Quick backoff and room for many failures, so a storm is ridden out within seconds. */
const STORM_REPLICA = {
  OUTBOX_INTERVAL_MS: '100',
  OUTBOX_BATCH_SIZE: '5',
  OUTBOX_CONCURRENCY: '5',
  OUTBOX_DELIVERY_TIMEOUT_MS: '5000',
  OUTBOX_LEASE_MS: '15000',
  OUTBOX_BACKOFF_BASE_MS: '50',
  OUTBOX_BACKOFF_MAX_MS: '300',
  OUTBOX_MAX_ATTEMPTS: '50',
};

/** For each 429 the sandbox sent: how long until the same delivery (Idempotency-Key) came back. */
function waitsAfter429(injected: SandboxInjectedFault[], createdAt: Map<string, string>): number[] {
  return injected
    .filter((fault) => fault.status === 429)
    .map((refusal) => {
      const key = refusal.idempotencyKey!;
      const later = [
        ...injected.filter((fault) => fault.idempotencyKey === key).map((fault) => Date.parse(fault.at)),
        Date.parse(createdAt.get(key) ?? 'invalid'),
      ].filter((at) => at > Date.parse(refusal.at));
      return Math.min(...later) - Date.parse(refusal.at);
    });
}

describe('fault storms against two scheduler replicas', () => {
  const env = useReplicaEnv('hub_test_fault_storms');

  it('30 % 5xx, 429s asking for a second and dropped answers: all delivered, one document each, every 429 waited out', async () => {
    // Seeded: the same requests fail on every run.
    await env.sandbox.injectFault({ status: 503, ratePercent: 30, seed: 11, path: PATH });
    await env.sandbox.injectFault({ status: 429, retryAfterSeconds: RETRY_AFTER_SECONDS, ratePercent: 15, seed: 12, path: PATH });
    await env.sandbox.injectFault({ drop: 'after_handling', ratePercent: 10, seed: 13, path: PATH });
    await Promise.all([1, 2].map(() => env.startReplica(STORM_REPLICA)));
    const orders = await env.enqueueTransferOrders(30);
    const eventIds = orders.map((order) => order.eventId);

    const rows = await env.waitUntilDelivered(eventIds, 60_000);

    const injected = await env.sandbox.injectedFaults();
    expect(injected.some((fault) => fault.status === 503)).toBe(true);
    expect(injected.some((fault) => fault.status === 429)).toBe(true);
    expect(injected.some((fault) => fault.drop === 'after_handling')).toBe(true);
    const received = await env.sandbox.transferOrders();
    const documents = received.documents.filter((doc) => eventIds.includes(doc.idempotencyKey));
    expect(documents).toHaveLength(30);
    expect(new Set(documents.map((doc) => doc.hubOrderId))).toEqual(new Set(orders.map((order) => order.orderId)));
    expect(rows.some((row) => row.attempts > 1)).toBe(true);

    const waits = waitsAfter429(injected, new Map(documents.map((doc) => [doc.idempotencyKey, doc.createdAt])));
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1_000);
  });
});
