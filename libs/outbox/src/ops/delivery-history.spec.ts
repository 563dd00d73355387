import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { OUTBOX_TICK_FINISHED, readDeliveryHours } from './delivery-history';

const UNTIL = new Date('2026-03-14T12:20:00Z');

describe('readDeliveryHours', () => {
  const database = useTestOrm();
  const insertTick = (createdAt: string, counts: Record<string, number>, message = OUTBOX_TICK_FINISHED) =>
    database.sessions
      .open()
      .execute(`insert into integration_logs (created_at, level, message, payload) values (?::timestamptz, 'INFO', ?, ?::jsonb)`, [
        createdAt,
        message,
        JSON.stringify({ claimed: 0, leaseLost: 0, batches: 1, ...counts }),
      ]);

  it('sums every tick of each hour by result, every hour of the window present, oldest first', async () => {
    await insertTick('2026-03-14T12:00:30Z', { delivered: 5, retried: 1, dead: 0 });
    await insertTick('2026-03-14T12:10:00Z', { delivered: 2, retried: 0, dead: 1 });
    await insertTick('2026-03-14T10:59:59Z', { delivered: 4, retried: 2, dead: 0 });
    await insertTick('2026-03-14T12:05:00Z', { delivered: 100 }, 'Outbox tick failed');
    await insertTick('2026-03-13T11:00:00Z', { delivered: 50 }); // 25 h before: outside

    const hours = await readDeliveryHours(database.sessions.open(), { hours: 24, until: UNTIL });
    expect(hours).toHaveLength(24);
    expect(hours[0]?.hour).toEqual(new Date('2026-03-13T13:00:00Z'));
    expect(hours.at(-1)).toEqual({ hour: new Date('2026-03-14T12:00:00Z'), delivered: 7, retried: 1, dead: 1 });
    expect(hours.at(-2)).toEqual({ hour: new Date('2026-03-14T11:00:00Z'), delivered: 0, retried: 0, dead: 0 });
    expect(hours.at(-3)).toEqual({ hour: new Date('2026-03-14T10:00:00Z'), delivered: 4, retried: 2, dead: 0 });
  });
});
