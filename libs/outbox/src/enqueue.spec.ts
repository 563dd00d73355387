import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { enqueueEventBatch } from './enqueue';

const AWKWARD = `tab\there, new\nline, back\\slash, O'Brien "quoted" {a,b} Склад №2`;

describe('enqueueEventBatch', () => {
  const database = useTestOrm();

  it('stores each event with its payload as given, in the sequence given, and returns their ids in it', async () => {
    const aggregateIds = Array.from({ length: 300 }, () => randomUUID());
    const events = aggregateIds.map((aggregateId, i) => ({
      aggregateType: 'transfer_order',
      aggregateId,
      eventType: i % 2 === 0 ? 'transfer_order.created' : `kind "${i}"`,
      payload: { i, note: AWKWARD, lines: [{ sku: `SKU-${i}`, quantity: i + 0.5 }], empty: null },
    }));
    const ids = await createSessionFactory(database.orm).withSession((em) => enqueueEventBatch(em, events));
    const stored = await database.orm.em
      .fork()
      .execute<{ id: string; aggregate_type: string; aggregate_id: string; event_type: string; payload: object }[]>(
        `select id, aggregate_type, aggregate_id, event_type, payload from outbox_events where aggregate_id = any(?::uuid[]) order by created_at, id`,
        [`{${aggregateIds.join(',')}}`],
        'all',
      );
    expect(stored.map((row) => row.id)).toEqual(ids);
    expect(stored).toEqual(
      events.map((event, i) => ({
        id: ids[i],
        aggregate_type: event.aggregateType,
        aggregate_id: event.aggregateId,
        event_type: event.eventType,
        payload: event.payload,
      })),
    );
  });

  it('stores nothing when PostgreSQL refuses one event, and says why', async () => {
    const aggregateId = randomUUID();
    const events = [
      { aggregateType: 'transfer_order', aggregateId, eventType: 'transfer_order.created', payload: { ok: true } },
      { aggregateType: 'transfer_order', aggregateId: 'not-a-uuid', eventType: 'transfer_order.created', payload: { ok: false } },
    ];
    const failure = await createSessionFactory(database.orm)
      .withSession((em) => enqueueEventBatch(em, events))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ message: expect.stringContaining('invalid input syntax for type uuid: "not-a-uuid"') });
    const [count] = await database.orm.em
      .fork()
      .execute<{ n: number }[]>(`select count(*)::int as n from outbox_events where aggregate_id = ?`, [aggregateId], 'all');
    expect(count?.n).toBe(0);
  });
});
