import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { DEAD_EVENT, seedOutboxEvent, TEST_AGGREGATE_TYPE, TEST_EVENT_TYPE } from '../testing/outbox-rows';
import { listOutboxEvents, type OutboxEventPage, type OutboxEventQuery } from './list-outbox-events';

/** An event of another type, and aggregate type, than the default ones. */
const NOTICE = { eventType: 'NOTIFY_RECIPIENT', aggregateType: 'recipient' };

describe('listOutboxEvents', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  // Written oldest first: delivered, dead, pending notice, in flight, dead notice.
  let ids: string[];
  const list = async (query: Partial<OutboxEventQuery> = {}) => listOutboxEvents(sessions.open(), { limit: 50, ...query });
  const idsOf = (page: OutboxEventPage): string[] => (page.kind === 'page' ? page.events.map((event) => event.id) : []);

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
    expect(page).toMatchObject({ kind: 'page', nextBefore: null });
    const events = page.kind === 'page' ? page.events : [];
    expect(events[1]).toMatchObject({
      id: ids[3], status: 'in_flight', leaseOwner: 'replica-b', leaseExpiresAt: expect.any(Date), aggregateType: TEST_AGGREGATE_TYPE,
    });
    expect(events[4]).toMatchObject({ status: 'delivered', responseRef: 'carrier-7', deliveredAt: expect.any(Date), attempts: 1 });
    expect(events.every((event) => !('payload' in event))).toBe(true);
  });

  it('includes the payload when asked', async () => {
    const page = await list({ status: 'dead', eventType: TEST_EVENT_TYPE, includePayload: true });
    expect(page).toMatchObject({ kind: 'page', events: [{ id: ids[1], payload: { parcelNumber: 'P-1' }, lastError: 'the other side answered 500: internal error' }] });
  });

  it('filters by status, by event type, and by both', async () => {
    expect(idsOf(await list({ status: 'dead' }))).toEqual([ids[4], ids[1]]);
    expect(idsOf(await list({ eventType: NOTICE.eventType }))).toEqual([ids[4], ids[2]]);
    expect(idsOf(await list({ status: 'pending', eventType: TEST_EVENT_TYPE }))).toEqual([]);
  });

  it('pages with before = the last id of the previous page, until nextBefore is null', async () => {
    const first = await list({ limit: 2 });
    expect(first).toMatchObject({ kind: 'page', nextBefore: ids[3] });
    const second = await list({ limit: 2, before: ids[3] });
    expect(idsOf(second)).toEqual([ids[2], ids[1]]);
    const third = await list({ limit: 2, before: ids[1] });
    expect(third).toMatchObject({ kind: 'page', nextBefore: null });
    expect(idsOf(third)).toEqual([ids[0]]);
  });

  it('answers unknown_cursor when before names no event', async () => {
    expect(await list({ before: randomUUID() })).toEqual({ kind: 'unknown_cursor' });
  });
});
