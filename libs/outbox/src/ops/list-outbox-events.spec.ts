import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { DEAD_EVENT, seedOutboxEvent, useTestOrm } from '@hub/testing';
import { listOutboxEvents, type OutboxEventPage, type OutboxEventQuery } from './list-outbox-events';

describe('listOutboxEvents', () => {
  const database = useTestOrm();
  let orm: MikroORM;
  // Written oldest first: delivered 1С, dead 1С, pending МойСклад, in-flight 1С, dead МойСклад.
  let ids: string[];
  const list = async (query: Partial<OutboxEventQuery> = {}) => listOutboxEvents(orm.em.fork(), { limit: 50, ...query });
  const idsOf = (page: OutboxEventPage): string[] => (page.kind === 'page' ? page.events.map((event) => event.id) : []);

  beforeAll(async () => {
    orm = database.orm;
    ids = [
      await seedOutboxEvent(orm, { set: "status = 'delivered', delivered_at = now(), response_ref = '1c-7', attempts = 1" }),
      await seedOutboxEvent(orm, { set: DEAD_EVENT, payload: { hubOrderId: 'order-1' } }),
      await seedOutboxEvent(orm, { eventType: 'CREATE_MS_CUSTOMER_ORDER', aggregateType: 'external_order' }),
      await seedOutboxEvent(orm, { set: "status = 'in_flight', lease_owner = 'replica-b', lease_expires_at = now() + interval '5 minutes'" }),
      await seedOutboxEvent(orm, { eventType: 'CREATE_MS_CUSTOMER_ORDER', aggregateType: 'external_order', set: DEAD_EVENT }),
    ];
  });

  it('lists every event newest first, with its state and without payloads unless asked', async () => {
    const page = await list();
    expect(idsOf(page)).toEqual([...ids].reverse());
    expect(page).toMatchObject({ kind: 'page', nextBefore: null });
    const events = page.kind === 'page' ? page.events : [];
    expect(events[1]).toMatchObject({
      id: ids[3], status: 'in_flight', leaseOwner: 'replica-b', leaseExpiresAt: expect.any(Date), aggregateType: 'transfer_order',
    });
    expect(events[4]).toMatchObject({ status: 'delivered', responseRef: '1c-7', deliveredAt: expect.any(Date), attempts: 1 });
    expect(events.every((event) => !('payload' in event))).toBe(true);
  });

  it('includes the payload when asked', async () => {
    const page = await list({ status: 'dead', eventType: 'CREATE_1C_TRANSFER_ORDER', includePayload: true });
    expect(page).toMatchObject({ kind: 'page', events: [{ id: ids[1], payload: { hubOrderId: 'order-1' }, lastError: '1С answered 500: internal error' }] });
  });

  it('filters by status, by event type, and by both', async () => {
    expect(idsOf(await list({ status: 'dead' }))).toEqual([ids[4], ids[1]]);
    expect(idsOf(await list({ eventType: 'CREATE_MS_CUSTOMER_ORDER' }))).toEqual([ids[4], ids[2]]);
    expect(idsOf(await list({ status: 'pending', eventType: 'CREATE_1C_TRANSFER_ORDER' }))).toEqual([]);
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
