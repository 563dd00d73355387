import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderStatus, SessionFactory } from '@hub/db';
import {
  createOutboxDispatcher,
  InvalidOutboxPayloadError,
  PermanentDeliveryError,
  processOutboxBatch,
  retryDeadEvent,
  type OutboxDispatch,
} from '@hub/outbox';
import { clearOutbox, DEAD_EVENT, readEvent, updateEvent } from '@hub/outbox/testing';
import { useTestOrm } from '@hub/testing';
import { ORDER_KINDS } from './kinds';
import type { OrderKind } from './order-kind';
import { ORDER_OUTBOX_HOOKS } from './outbox-hooks';
import { receiptFor } from './sent-document';
import { readOrder, seedOrders } from './testing/seed-orders';

/** An order's status moves with its event's fate, in the outbox's own transaction: the status machine's outbox transitions. */
describe.each(ORDER_KINDS.map((kind) => [kind.label, kind] as const))('a %s and its outbox event', (_label, kind: OrderKind) => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  const batch = (deliver: OutboxDispatch, maxAttempts = 3) =>
    processOutboxBatch({
      sessions,
      owner: 'replica-a',
      maxAttempts,
      backoff: { baseMs: 1, maxMs: 1 },
      hooks: ORDER_OUTBOX_HOOKS,
      dispatch: createOutboxDispatcher({ [kind.eventType]: deliver }),
    });
  const seed = async (status: OrderStatus = 'pending') => (await seedOrders(sessions, { kind, status }))[0]!;
  const statusOf = async (orderId: string) => (await readOrder(sessions, kind, orderId))?.status;
  const refuse: OutboxDispatch = async (event) => Promise.reject(new InvalidOutboxPayloadError(event.id, 'lines: must not be empty'));

  beforeAll(() => {
    sessions = database.sessions;
  });

  it('becomes sent with the document the other side created', async () => {
    await clearOutbox(sessions);
    const { orderId, eventId } = await seed();
    expect(await batch(async () => receiptFor({ id: 'doc-17', number: 'ПМ-000017' }))).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await readOrder(sessions, kind, orderId)).toEqual({ status: 'sent', external_id: 'doc-17', external_number: 'ПМ-000017' });
    expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'delivered', response_ref: 'doc-17' });
  });

  it('becomes failed when its event is refused for good, so it no longer counts as inbound', async () => {
    await clearOutbox(sessions);
    const { orderId, eventId } = await seed();
    expect(await batch(refuse)).toMatchObject({ claimed: 1, dead: 1 });
    expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'dead', attempts: 1 });
    expect(await statusOf(orderId)).toBe('failed');
  });

  it('becomes failed when its event dies on the last allowed attempt, keeping the last error', async () => {
    await clearOutbox(sessions);
    const { orderId, eventId } = await seed();
    await updateEvent(sessions, eventId, 'attempts = 2');
    const busy = Object.assign(new Error('the other side answered HTTP 503'), { retryable: true });
    expect(await batch(async () => Promise.reject(busy))).toMatchObject({ claimed: 1, dead: 1, retried: 0 });
    expect((await readEvent(sessions, eventId)).last_error).toContain('HTTP 503');
    expect(await statusOf(orderId)).toBe('failed');
  });

  it('becomes failed when its event is buried after every try killed its process', async () => {
    await clearOutbox(sessions);
    const { orderId, eventId } = await seed();
    await updateEvent(sessions, eventId, "status = 'in_flight', attempts = 3, lease_owner = 'replica-gone', lease_expires_at = now() - interval '1 second'");
    expect(await batch(async () => receiptFor({ id: 'never', number: 'never' }))).toMatchObject({ claimed: 0, dead: 1 });
    expect(await statusOf(orderId)).toBe('failed');
  });

  it('keeps the status the other side already gave it when a later event of it dies', async () => {
    await clearOutbox(sessions);
    const { orderId } = await seed('sent');
    await batch(async (event) => Promise.reject(new PermanentDeliveryError(`event ${event.id} cannot be delivered`)));
    expect(await statusOf(orderId)).toBe('sent');
  });

  it('goes from failed back to pending with its dead event retried by hand, in the same transaction', async () => {
    const { orderId, eventId } = await seed('failed');
    await updateEvent(sessions, eventId, DEAD_EVENT);
    expect(await retryDeadEvent(sessions.open(), eventId, ORDER_OUTBOX_HOOKS)).toMatchObject({ kind: 'retried', aggregateReset: true });
    expect(await statusOf(orderId)).toBe('pending');
  });

  it('is left as it is by a manual retry when it is not failed', async () => {
    const { orderId, eventId } = await seed('sent');
    await updateEvent(sessions, eventId, DEAD_EVENT);
    expect(await retryDeadEvent(sessions.open(), eventId, ORDER_OUTBOX_HOOKS)).toMatchObject({ kind: 'retried', aggregateReset: false });
    expect(await statusOf(orderId)).toBe('sent');
  });
});
