import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { DEAD_EVENT, insertOrderInStatus, orderStatus, seedOutboxEvent, useTestOrm } from '@hub/testing';
import { retryDeadEvent } from './retry-dead-event';

interface StoredEvent {
  status: string;
  attempts: number;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  last_error: string | null;
  next_attempt_at: string;
  due: boolean;
  updated_at: string;
}

describe('retryDeadEvent', () => {
  const database = useTestOrm();
  let orm: MikroORM;
  const retry = (id: string) => retryDeadEvent(orm.em.fork(), id);
  const read = async (id: string): Promise<StoredEvent | undefined> =>
    (await orm.em.fork().execute<StoredEvent[]>(
      `select status, attempts, lease_owner, lease_expires_at, last_error, updated_at::text as updated_at,
         next_attempt_at::text as next_attempt_at, next_attempt_at <= now() as due
       from outbox_events where id = ?::uuid`, [id], 'all'))[0];

  beforeAll(() => {
    orm = database.orm;
  });

  it('puts a dead event back to pending, due now, attempts 0, no lease, keeping its last error', async () => {
    const id = await seedOutboxEvent(orm, { set: `${DEAD_EVENT}, next_attempt_at = now() + interval '1 day', lease_owner = 'replica-a'` });

    const result = await retry(id);

    expect(result).toMatchObject({
      kind: 'retried', previousAttempts: 10, aggregateReset: false,
      event: { id, status: 'pending', attempts: 0, leaseOwner: null, leaseExpiresAt: null, lastError: '1С answered 500: internal error' },
    });
    const stored = await read(id);
    expect(stored).toMatchObject({
      status: 'pending', attempts: 0, lease_owner: null, lease_expires_at: null, last_error: '1С answered 500: internal error', due: true,
    });
  });

  it.each([
    ['transfer_order', 'transfer_orders'],
    ['external_order', 'external_orders'],
  ] as const)('moves the failed %s of the event back to pending in the same statement', async (aggregateType, table) => {
    const orderId = await insertOrderInStatus(orm, table, 'failed');
    const id = await seedOutboxEvent(orm, { aggregateType, aggregateId: orderId, set: DEAD_EVENT });

    expect(await retry(id)).toMatchObject({ kind: 'retried', aggregateReset: true });
    expect(await orderStatus(orm, table, orderId)).toBe('pending');
  });

  it('leaves an order that is not failed as it is', async () => {
    const orderId = await insertOrderInStatus(orm, 'transfer_orders', 'sent');
    const failedOther = await insertOrderInStatus(orm, 'external_orders', 'failed');
    // An event naming a failed external order under the wrong aggregate type resets nothing.
    const id = await seedOutboxEvent(orm, { aggregateType: 'transfer_order', aggregateId: orderId, set: DEAD_EVENT });
    const mislabelled = await seedOutboxEvent(orm, { aggregateType: 'transfer_order', aggregateId: failedOther, set: DEAD_EVENT });

    expect(await retry(id)).toMatchObject({ kind: 'retried', aggregateReset: false });
    expect(await orderStatus(orm, 'transfer_orders', orderId)).toBe('sent');
    expect(await retry(mislabelled)).toMatchObject({ kind: 'retried', aggregateReset: false });
    expect(await orderStatus(orm, 'external_orders', failedOther)).toBe('failed');
  });

  it.each([
    ['pending', "status = 'pending'"],
    ['in_flight', "status = 'in_flight', lease_owner = 'replica-a', lease_expires_at = now() + interval '1 minute'"],
    ['delivered', "status = 'delivered', delivered_at = now(), response_ref = '1c-42'"],
  ])('refuses a %s event, naming its status, and changes nothing', async (status, set) => {
    const orderId = await insertOrderInStatus(orm, 'transfer_orders', 'failed');
    const id = await seedOutboxEvent(orm, { aggregateId: orderId, set: `${set}, attempts = 3` });
    const before = await read(id);

    expect(await retry(id)).toEqual({ kind: 'not_dead', status });
    expect(await read(id)).toEqual(before);
    expect(await orderStatus(orm, 'transfer_orders', orderId)).toBe('failed');
  });

  it('answers not_found for an id no event has', async () => {
    expect(await retry(randomUUID())).toEqual({ kind: 'not_found' });
  });

  it('lets only one of two retries of the same event succeed', async () => {
    const id = await seedOutboxEvent(orm, { set: DEAD_EVENT });
    const results = await Promise.all([retry(id), retry(id)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['not_dead', 'retried']);
    expect(results).toContainEqual({ kind: 'not_dead', status: 'pending' });
  });
});
