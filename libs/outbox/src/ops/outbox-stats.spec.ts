import { Registry } from 'prom-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { DEAD_EVENT, seedOutboxEvent, TEST_EVENT_TYPE } from '../testing/outbox-rows';
import { registerOutboxGauges } from './outbox-metrics';
import { readOutboxStats, type OutboxStats } from './outbox-stats';

const zero = { pending: 0, in_flight: 0, delivered: 0, dead: 0 };
const NOTICE = 'NOTIFY_RECIPIENT';
/** The event types the process has handlers for, in the sequence the stats list them. */
const KNOWN_TYPES = [TEST_EVENT_TYPE, NOTICE];

describe('readOutboxStats', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;

  beforeAll(() => {
    sessions = database.sessions;
  });

  it('reports zeros for every status and every known type on an empty outbox', async () => {
    expect(await readOutboxStats(sessions.open(), KNOWN_TYPES)).toEqual({
      byStatus: zero,
      byEventType: [
        { eventType: TEST_EVENT_TYPE, byStatus: zero, oldestPendingAgeSeconds: null },
        { eventType: NOTICE, byStatus: zero, oldestPendingAgeSeconds: null },
      ],
      oldestPendingAgeSeconds: null,
    });
  });

  it('counts by status and type, known types first, and ages the oldest pending event by its created_at', async () => {
    await seedOutboxEvent(sessions, { set: "created_at = now() - interval '90 seconds'" });
    await seedOutboxEvent(sessions);
    await seedOutboxEvent(sessions, { set: DEAD_EVENT });
    await seedOutboxEvent(sessions, { eventType: NOTICE, set: "status = 'delivered', created_at = now() - interval '1 hour'" });
    await seedOutboxEvent(sessions, { eventType: NOTICE, set: "created_at = now() - interval '30 seconds'" });
    // A type no handler knows any more (written by an older release, say) still counts, after the known ones.
    await seedOutboxEvent(sessions, { eventType: 'AN_OLD_TYPE', set: DEAD_EVENT });

    const stats = await readOutboxStats(sessions.open(), KNOWN_TYPES);

    expect(stats.byStatus).toEqual({ pending: 3, in_flight: 0, delivered: 1, dead: 2 });
    expect(stats.byEventType.map((type) => type.eventType)).toEqual([TEST_EVENT_TYPE, NOTICE, 'AN_OLD_TYPE']);
    const [shipments, notices, old] = stats.byEventType;
    expect(shipments).toMatchObject({ byStatus: { ...zero, pending: 2, dead: 1 } });
    expect(notices).toMatchObject({ byStatus: { ...zero, pending: 1, delivered: 1 } });
    expect(old).toEqual({ eventType: 'AN_OLD_TYPE', byStatus: { ...zero, dead: 1 }, oldestPendingAgeSeconds: null });
    // The hour-old notice is delivered, so it does not count as waiting.
    expect(shipments?.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(shipments?.oldestPendingAgeSeconds).toBeLessThan(3_600);
    expect(notices?.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(30);
    expect(notices?.oldestPendingAgeSeconds).toBeLessThan(90);
    expect(stats.oldestPendingAgeSeconds).toBe(shipments?.oldestPendingAgeSeconds);
  });
});

describe('registerOutboxGauges', () => {
  const stats: OutboxStats = {
    byStatus: { pending: 2, in_flight: 0, delivered: 5, dead: 1 },
    byEventType: [
      { eventType: 'SHIP_PARCEL', byStatus: { pending: 2, in_flight: 0, delivered: 5, dead: 1 }, oldestPendingAgeSeconds: 12.5 },
      { eventType: 'LEGACY "quoted"\\type', byStatus: zero, oldestPendingAgeSeconds: null },
    ],
    oldestPendingAgeSeconds: 12.5,
  };

  it('writes one gauge sample per status and type, and the pending age (0 when nothing waits)', async () => {
    const registry = new Registry();
    const gauges = registerOutboxGauges(registry);
    gauges.update({ ...stats, byEventType: [...stats.byEventType, { eventType: 'GONE_BY_NOW', byStatus: zero, oldestPendingAgeSeconds: null }] });
    gauges.update(stats);
    const text = await registry.metrics();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('# TYPE'))).toEqual([
      '# TYPE hub_outbox_events gauge',
      '# TYPE hub_outbox_oldest_pending_age_seconds gauge',
      '# TYPE hub_outbox_stats_up gauge',
    ]);
    expect(lines).toContain('hub_outbox_stats_up 1');
    expect(lines).toContain('hub_outbox_events{status="pending",event_type="SHIP_PARCEL"} 2');
    expect(lines).toContain('hub_outbox_events{status="dead",event_type="SHIP_PARCEL"} 1');
    expect(lines).toContain('hub_outbox_events{status="in_flight",event_type="SHIP_PARCEL"} 0');
    expect(lines).toContain('hub_outbox_oldest_pending_age_seconds{event_type="SHIP_PARCEL"} 12.5');
    expect(lines).toContain('hub_outbox_oldest_pending_age_seconds{event_type="LEGACY \\"quoted\\"\\\\type"} 0');
    expect(lines.filter((line) => line.startsWith('hub_outbox_events{'))).toHaveLength(8);
  });

  it('drops every outbox series, rather than keep stale ones, when the stats could not be read, and says so', async () => {
    const registry = new Registry();
    const gauges = registerOutboxGauges(registry);
    gauges.update(stats);
    gauges.unavailable();
    const lines = (await registry.metrics()).trimEnd().split('\n');
    expect(lines).toContain('hub_outbox_stats_up 0');
    expect(lines.filter((line) => line.startsWith('hub_outbox_events{') || line.startsWith('hub_outbox_oldest_pending_age_seconds{'))).toEqual([]);
  });
});
