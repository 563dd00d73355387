import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownCursorError, type KeysetPage, type SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { DEAD_EVENT, seedOutboxEvent, TEST_AGGREGATE_TYPE, TEST_EVENT_TYPE } from '../testing/outbox-rows';
import type { OutboxEventView } from './outbox-event-view';
import { listOutboxEvents, type OutboxEventQuery } from './list-outbox-events';

/** An event of another type, and aggregate type, than the default ones. */
const NOTICE = { eventType: 'NOTIFY_RECIPIENT', aggregateType: 'recipient' };

describe('listOutboxEvents', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  // Written oldest first: delivered, dead, pending notice, in flight, dead notice.
  let ids: string[];
  const list = async (query: Partial<OutboxEventQuery> = {}) => listOutboxEvents(sessions.open(), { limit: 50, ...query });
  const idsOf = (page: KeysetPage<OutboxEventView>): string[] => page.items.map((event) => event.id);

  beforeAll(async () => {
    sessions = database.sessions;
    ids = [
      await seedOutboxEvent(sessions, { set: "status = 'delivered', delivered_at = now(), response_ref = 'carrier-7', attempts = 1" }),
      await seedOutboxEvent(sessions, { set: DEAD_EVENT, payload: { parcelNumber: 'P-1' } }),
      await seedOutboxEvent(sessions, NOTICE),
      await seedOutboxEvent(sessions, { set: "status = 'in_flight', lease_owner = 'replica-b', lease_expires_at = now() + interval '5 minutes'" }),
      await seedOutboxEvent(sessions, { ...NOTICE, set: DEAD_EVENT }),
    ];
  });

  it('lists every event newest first, with its state and without payloads unless asked', async () => {
    const page = await list();
    expect(idsOf(page)).toEqual([...ids].reverse());
    expect(page.nextCursor).toBeNull();
    const events = page.items;
    expect(events[1]).toMatchObject({
      id: ids[3],
      status: 'in_flight',
      leaseOwner: 'replica-b',
      leaseExpiresAt: expect.any(Date),
      aggregateType: TEST_AGGREGATE_TYPE,
    });
    expect(events[4]).toMatchObject({ status: 'delivered', responseRef: 'carrier-7', deliveredAt: expect.any(Date), attempts: 1 });
    expect(events.every((event) => !('payload' in event))).toBe(true);
  });

  it('includes the payload when asked', async () => {
    const page = await list({ status: 'dead', eventType: TEST_EVENT_TYPE, includePayload: true });
    expect(page).toMatchObject({ items: [{ id: ids[1], payload: { parcelNumber: 'P-1' }, lastError: 'the other side answered 500: internal error' }] });
  });

  it('filters by status, by event type, and by both', async () => {
    expect(idsOf(await list({ status: 'dead' }))).toEqual([ids[4], ids[1]]);
    expect(idsOf(await list({ eventType: NOTICE.eventType }))).toEqual([ids[4], ids[2]]);
    expect(idsOf(await list({ status: 'pending', eventType: TEST_EVENT_TYPE }))).toEqual([]);
  });

  it('pages with cursor = the last id of the previous page, until nextCursor is null', async () => {
    const first = await list({ limit: 2 });
    expect(first.nextCursor).toBe(ids[3]);
    const second = await list({ limit: 2, cursor: ids[3] });
    expect(idsOf(second)).toEqual([ids[2], ids[1]]);
    const third = await list({ limit: 2, cursor: ids[1] });
    expect(third.nextCursor).toBeNull();
    expect(idsOf(third)).toEqual([ids[0]]);
  });

  it('pages within a filter, and throws UnknownCursorError when the cursor names no event', async () => {
    expect(await list({ status: 'dead', limit: 1 })).toMatchObject({ items: [{ id: ids[4] }], nextCursor: ids[4] });
    expect(idsOf(await list({ status: 'dead', limit: 1, cursor: ids[4] }))).toEqual([ids[1]]);
    const unknown = randomUUID();
    await expect(list({ cursor: unknown })).rejects.toThrow(UnknownCursorError);
    await expect(list({ cursor: unknown })).rejects.toMatchObject({ code: 'unknown_cursor', message: `No outbox event with id ${unknown}` });
  });
});
