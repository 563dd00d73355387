import { beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { DEAD_EVENT, seedOutboxEvent, useTestOrm } from '@hub/testing';
import { formatOutboxMetrics } from './outbox-metrics';
import { readOutboxStats, type OutboxStats } from './outbox-stats';

const zero = { pending: 0, in_flight: 0, delivered: 0, dead: 0 };

describe('readOutboxStats', () => {
  const database = useTestOrm();
  let orm: MikroORM;

  beforeAll(() => {
    orm = database.orm;
  });

  it('reports zeros for every status and known type on an empty outbox', async () => {
    expect(await readOutboxStats(orm.em.fork())).toEqual({
      byStatus: zero,
      byEventType: [
        { eventType: 'CREATE_1C_TRANSFER_ORDER', byStatus: zero, oldestPendingAgeSeconds: null },
        { eventType: 'CREATE_MS_CUSTOMER_ORDER', byStatus: zero, oldestPendingAgeSeconds: null },
      ],
      oldestPendingAgeSeconds: null,
    });
  });

  it('counts by status and type, and ages the oldest pending event by its created_at', async () => {
    await seedOutboxEvent(orm, { set: "created_at = now() - interval '90 seconds'" });
    await seedOutboxEvent(orm);
    await seedOutboxEvent(orm, { set: DEAD_EVENT });
    await seedOutboxEvent(orm, { eventType: 'CREATE_MS_CUSTOMER_ORDER', set: "status = 'delivered', created_at = now() - interval '1 hour'" });
    await seedOutboxEvent(orm, { eventType: 'CREATE_MS_CUSTOMER_ORDER', set: "created_at = now() - interval '30 seconds'" });

    const stats = await readOutboxStats(orm.em.fork());

    expect(stats.byStatus).toEqual({ pending: 3, in_flight: 0, delivered: 1, dead: 1 });
    const [oneC, moySklad] = stats.byEventType;
    expect(oneC).toMatchObject({ eventType: 'CREATE_1C_TRANSFER_ORDER', byStatus: { ...zero, pending: 2, dead: 1 } });
    expect(moySklad).toMatchObject({ eventType: 'CREATE_MS_CUSTOMER_ORDER', byStatus: { ...zero, pending: 1, delivered: 1 } });
    // The hour-old МойСклад event is delivered, so it does not count as waiting.
    expect(oneC?.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(oneC?.oldestPendingAgeSeconds).toBeLessThan(3_600);
    expect(moySklad?.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(30);
    expect(moySklad?.oldestPendingAgeSeconds).toBeLessThan(90);
    expect(stats.oldestPendingAgeSeconds).toBe(oneC?.oldestPendingAgeSeconds);
  });
});

describe('formatOutboxMetrics', () => {
  const stats: OutboxStats = {
    byStatus: { pending: 2, in_flight: 0, delivered: 5, dead: 1 },
    byEventType: [
      { eventType: 'CREATE_1C_TRANSFER_ORDER', byStatus: { pending: 2, in_flight: 0, delivered: 5, dead: 1 }, oldestPendingAgeSeconds: 12.5 },
      { eventType: 'LEGACY "quoted"\\type', byStatus: zero, oldestPendingAgeSeconds: null },
    ],
    oldestPendingAgeSeconds: 12.5,
  };

  it('writes one gauge sample per status and type, and the pending age (0 when nothing waits)', () => {
    const text = formatOutboxMetrics(stats);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('# TYPE'))).toEqual([
      '# TYPE hub_outbox_events gauge',
      '# TYPE hub_outbox_oldest_pending_age_seconds gauge',
    ]);
    expect(lines).toContain('hub_outbox_events{status="pending",event_type="CREATE_1C_TRANSFER_ORDER"} 2');
    expect(lines).toContain('hub_outbox_events{status="dead",event_type="CREATE_1C_TRANSFER_ORDER"} 1');
    expect(lines).toContain('hub_outbox_events{status="in_flight",event_type="CREATE_1C_TRANSFER_ORDER"} 0');
    expect(lines).toContain('hub_outbox_oldest_pending_age_seconds{event_type="CREATE_1C_TRANSFER_ORDER"} 12.5');
    expect(lines).toContain('hub_outbox_oldest_pending_age_seconds{event_type="LEGACY \\"quoted\\"\\\\type"} 0');
    expect(lines.filter((line) => line.startsWith('hub_outbox_events{'))).toHaveLength(8);
  });
});
