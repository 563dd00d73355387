import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sqlArray } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import { latch, stillPending, within } from '@hub/testing';
import { JOB_NAMES } from './jobs/job-names';
import { createScheduler } from './scheduler';
import { useSchedulerTestEnv } from './testing/scheduler-test-env';

const BATCH_SIZE = 2;
/** Enough for a second and third full batch: without the stop, the drain would go on. */
const BACKLOG = 5;

interface EventRow {
  id: string;
  status: string;
  attempts: number;
  lease_owner: string | null;
  hub_order_id: string;
}

describe('Scheduler.stop() while a tick drains a backlog', () => {
  const env = useSchedulerTestEnv('hub_test_scheduler_stop');

  it('lets the running batch finish and record its deliveries, claims no further batch, and leaves nothing in flight', async () => {
    const orders = [];
    for (let order = 0; order < BACKLOG; order += 1) orders.push(await env.enqueueTransferOrder());
    const eventIds = orders.map((order) => order.eventId);
    const owner = `scheduler-stop-spec:${randomUUID()}`;

    // 1С holds every create until the test lets go, so stop() is called while the first batch is certainly in delivery.
    const sentToOneC: string[] = [];
    const batchInDelivery = latch(`the first batch's ${BATCH_SIZE} deliveries reached 1С`);
    const released = latch('the test released the held deliveries');
    const heldOneC: OneCClient = {
      ...env.sandbox.oneC,
      async createTransferOrder(order, options) {
        sentToOneC.push(order.hubOrderId);
        if (sentToOneC.length === BATCH_SIZE) batchInDelivery.open();
        await released.wait();
        return env.sandbox.oneC.createTransferOrder(order, options);
      },
    };
    const scheduler = createScheduler(env.deps({ oneC: heldOneC, owner, outbox: { batchSize: BATCH_SIZE }, outboxIntervalMs: 50 }));
    scheduler.start();
    await batchInDelivery.wait();

    const stopping = scheduler.stop();
    expect(await stillPending(stopping), 'stop() resolved while its batch was still being delivered').toBe(true);
    released.open();
    await within(stopping, 'stop() never resolved after the held deliveries were let go');

    const rows = await env.sessions.open().execute<EventRow[]>(
      `select e.id, e.status, e.attempts, e.lease_owner, e.payload->>'hubOrderId' as hub_order_id
         from outbox_events e where e.id = any(?::uuid[])`,
      [sqlArray(eventIds)],
      'all',
    );
    const delivered = rows.filter((row) => row.status === 'delivered');
    // The batch that was running: delivered and recorded, exactly the orders 1С was sent.
    expect(delivered.map((row) => row.hub_order_id).sort()).toEqual([...sentToOneC].sort());
    expect(sentToOneC).toHaveLength(BATCH_SIZE);
    expect(
      rows.filter((row) => row.status === 'in_flight' || row.lease_owner === owner),
      'left in flight by this replica',
    ).toEqual([]);
    // No further batch: the rest were never claimed.
    expect(rows.filter((row) => row.status !== 'delivered')).toEqual(
      Array.from({ length: BACKLOG - BATCH_SIZE }, () => expect.objectContaining({ status: 'pending', attempts: 0, lease_owner: null })),
    );
    const documents = (await env.sandbox.transferOrders()).documents.filter((doc) => eventIds.includes(doc.idempotencyKey));
    expect(documents.map((doc) => doc.hubOrderId).sort()).toEqual([...sentToOneC].sort());

    const ticks = await env.logsWhere("job_name = ? and message = 'Outbox tick finished'", [JOB_NAMES.processOutboxEvents]);
    expect(ticks.map((tick) => tick.payload)).toEqual([{ claimed: BATCH_SIZE, delivered: BATCH_SIZE, retried: 0, dead: 0, leaseLost: 0, batches: 1 }]);
    expect(scheduler.nextInvocations()[JOB_NAMES.processOutboxEvents]).toBeNull();
  });
});
