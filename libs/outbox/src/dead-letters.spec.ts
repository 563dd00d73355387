import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { ExternalSystemError } from '@hub/integrations';
import { insertOrderInStatus, orderStatus, seedOutboxEvent, useTestOrm } from '@hub/testing';
import type { OutboxDispatch } from './dispatcher';
import { InvalidOutboxPayloadError } from './errors';
import { processOutboxBatch } from './process-batch';
import { claimDueEvents } from './sql/claim-due-events';
import { clearOutbox, readEvent } from './testing/outbox-rows';

const busy = (attempt: number) =>
  new ExternalSystemError(`1c POST /transfer-orders answered HTTP 503 (try ${attempt})`, { system: '1c', code: 'http_5xx', status: 503, retryable: true });

type OrderAggregate = 'transfer_order' | 'external_order';
const TABLES = { transfer_order: 'transfer_orders', external_order: 'external_orders' } as const;

describe('dead letters', () => {
  const database = useTestOrm();
  let orm: MikroORM;
  const batch = (dispatch: OutboxDispatch, maxAttempts = 3) =>
    processOutboxBatch({ orm, owner: 'replica-a', dispatch, maxAttempts, backoff: { baseMs: 1, maxMs: 1 } });

  /** A hub order of `aggregate`'s kind in `status`, and one event for it. */
  async function orderWithEvent(aggregate: OrderAggregate, status = 'pending') {
    const orderId = await insertOrderInStatus(orm, TABLES[aggregate], status);
    const eventType = aggregate === 'transfer_order' ? 'CREATE_1C_TRANSFER_ORDER' : 'CREATE_MS_CUSTOMER_ORDER';
    return { orderId, eventId: await seedOutboxEvent(orm, { aggregateType: aggregate, aggregateId: orderId, eventType }) };
  }
  const statusOf = (aggregate: OrderAggregate, orderId: string) => orderStatus(orm, TABLES[aggregate], orderId);

  beforeAll(() => {
    orm = database.orm;
  });
  beforeEach(() => clearOutbox(orm));

  it.each<OrderAggregate>(['transfer_order', 'external_order'])(
    'an event refused for good is dead with the reason, and its pending %s is failed, so it no longer counts as inbound',
    async (aggregate) => {
      const { orderId, eventId } = await orderWithEvent(aggregate);
      const refuse: OutboxDispatch = async (event) => {
        throw new InvalidOutboxPayloadError(event.id, 'lines: must not be empty');
      };

      expect(await batch(refuse)).toMatchObject({ claimed: 1, dead: 1 });

      expect(await readEvent(orm, eventId)).toMatchObject({ status: 'dead', attempts: 1 });
      expect((await readEvent(orm, eventId)).last_error).toContain('lines: must not be empty');
      expect(await statusOf(aggregate, orderId)).toBe('failed');
    },
  );

  it('retries an event that keeps failing until the last allowed attempt, then keeps the last error', async () => {
    const { orderId, eventId } = await orderWithEvent('transfer_order');
    let tries = 0;
    const failing: OutboxDispatch = async () => {
      tries += 1;
      throw busy(tries);
    };

    const outcomes = [];
    for (let round = 0; round < 3; round += 1) {
      outcomes.push(await batch(failing));
      await sleep(5);
    }

    expect(outcomes.map((o) => [o.retried, o.dead])).toEqual([[1, 0], [1, 0], [0, 1]]);
    expect(await readEvent(orm, eventId)).toMatchObject({ status: 'dead', attempts: 3 });
    expect((await readEvent(orm, eventId)).last_error).toContain('(try 3)');
    expect(await statusOf('transfer_order', orderId)).toBe('failed');
    expect(await batch(failing)).toMatchObject({ claimed: 0 });
    expect(tries).toBe(3);
  });

  it('leaves an order that 1С already has alone when a later event of it dies', async () => {
    const { orderId } = await orderWithEvent('transfer_order', 'sent');
    await batch(async (event) => Promise.reject(new InvalidOutboxPayloadError(event.id, 'broken')));
    expect(await statusOf('transfer_order', orderId)).toBe('sent');
  });

  it('buries an event whose every try killed its process once the tries reach the limit, and fails its order', async () => {
    const { orderId, eventId } = await orderWithEvent('external_order');
    // Three replicas each claim the event and die mid-delivery: their 1 ms leases run out.
    for (const replica of ['replica-1', 'replica-2', 'replica-3']) {
      const claimed = await orm.em.fork().transactional((em) => claimDueEvents(em, { owner: replica, limit: 10, leaseMs: 1 }));
      expect(claimed.map((event) => event.id)).toEqual([eventId]);
      await sleep(5);
    }
    let delivered = 0;

    const result = await batch(async () => ({ responseRef: String(++delivered) }), 3);

    expect(result).toMatchObject({ claimed: 0, dead: 1 });
    expect(delivered).toBe(0);
    const row = await readEvent(orm, eventId);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lease_owner: null });
    expect(row.last_error).toMatch(/lease of replica-3 expired on attempt 3 of 3/);
    expect(await statusOf('external_order', orderId)).toBe('failed');
  });
});
