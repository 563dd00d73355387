import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@hub/testing';
import { ConfigError } from '@hub/runtime';
import { readSchedulerConfig } from './config';
import { JOB_NAMES } from './jobs/job-names';
import { createScheduler } from './scheduler';
import { useSchedulerTestEnv } from './testing/scheduler-test-env';

const { processOutboxEvents: OUTBOX, runInternalReplenishment: REPLENISHMENT, cleanupIntegrationLogs: CLEANUP } = JOB_NAMES;

/**
 * Moments (UTC) and when each job fires next from there. Moscow is UTC+3 all year, so 09:00
 * Moscow is 06:00 UTC and the log cleanup's 03:30 is 00:30 UTC; the Sunday case is already
 * Monday in Moscow but not in UTC.
 */
const NEXT_FROM = [
  {
    now: '2025-10-06T05:59:59.000Z',
    replenishment: '2025-10-06T06:00:00.000Z',
    outbox: '2025-10-06T06:00:00.000Z',
    cleanup: '2025-10-07T00:30:00.000Z',
    when: 'Monday 08:59:59 Moscow',
  },
  {
    now: '2025-10-07T06:00:01.000Z',
    replenishment: '2025-10-08T06:00:00.000Z',
    outbox: '2025-10-07T06:00:30.000Z',
    cleanup: '2025-10-08T00:30:00.000Z',
    when: 'Tuesday just after 09:00',
  },
  {
    now: '2025-10-10T06:00:01.000Z',
    replenishment: '2025-10-13T06:00:00.000Z',
    outbox: '2025-10-10T06:00:30.000Z',
    cleanup: '2025-10-11T00:30:00.000Z',
    when: 'Friday just after 09:00',
  },
  {
    now: '2025-10-11T09:29:45.000Z',
    replenishment: '2025-10-13T06:00:00.000Z',
    outbox: '2025-10-11T09:30:00.000Z',
    cleanup: '2025-10-12T00:30:00.000Z',
    when: 'Saturday',
  },
  {
    now: '2025-10-12T21:00:15.000Z',
    replenishment: '2025-10-13T06:00:00.000Z',
    outbox: '2025-10-12T21:00:30.000Z',
    cleanup: '2025-10-13T00:30:00.000Z',
    when: 'Monday 00:00:15 Moscow',
  },
];

describe('createScheduler', () => {
  const env = useSchedulerTestEnv('hub_test_scheduler');
  const serverZone = process.env['TZ'];
  afterEach(() => {
    vi.useRealTimers();
    if (serverZone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = serverZone;
  });

  it("fires the replenishment on the next working day at 09:00 Moscow (06:00 UTC), the log cleanup daily at 03:30 Moscow, the outbox on the next half-minute, whatever the server's zone", async () => {
    // Only Date is faked: node-schedule computes its next invocation from "now", and the timers stay real (stop cancels them).
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const zone of ['UTC', 'America/New_York']) {
      process.env['TZ'] = zone;
      for (const { now, when, ...expected } of NEXT_FROM) {
        vi.setSystemTime(new Date(now));
        const scheduler = createScheduler(env.deps());
        expect(scheduler.nextInvocations(), 'not started yet').toEqual({ [OUTBOX]: null, [REPLENISHMENT]: null, [CLEANUP]: null });
        scheduler.start();
        const next = scheduler.nextInvocations();
        await scheduler.stop();

        const fired = { [OUTBOX]: next[OUTBOX]?.toISOString(), [REPLENISHMENT]: next[REPLENISHMENT]?.toISOString(), [CLEANUP]: next[CLEANUP]?.toISOString() };
        expect(fired, `${when}, server in ${zone}`).toEqual({
          [OUTBOX]: expected.outbox,
          [REPLENISHMENT]: expected.replenishment,
          [CLEANUP]: expected.cleanup,
        });
        expect(scheduler.nextInvocations(), 'stopped').toEqual({ [OUTBOX]: null, [REPLENISHMENT]: null, [CLEANUP]: null });
      }
    }
  });

  it('ticks the outbox on a plain timer when OUTBOX_INTERVAL_MS asks for another interval, delivering without a call by hand', async () => {
    const { eventId } = await env.enqueueTransferOrder();
    const scheduler = createScheduler(env.deps({ outboxIntervalMs: 100 }));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-10-06T05:59:59.000Z'));
    scheduler.start();
    // 100 ms from now, not the half-minute the cron schedule would name.
    expect(scheduler.nextInvocations()[OUTBOX]?.toISOString()).toBe('2025-10-06T05:59:59.100Z');
    vi.useRealTimers();

    const status = () => env.sessions.open().execute<{ status: string }[]>('select status from outbox_events where id = ?::uuid', [eventId], 'all');
    try {
      await waitFor(
        async () => ((await status())[0]?.status === 'delivered' ? true : undefined),
        15_000,
        async () => `the timer's ticks never delivered event ${eventId}: ${JSON.stringify(await status())}`,
      );
    } finally {
      await scheduler.stop();
    }
    expect(scheduler.nextInvocations()[OUTBOX]).toBeNull();
  });

  it('reads OUTBOX_INTERVAL_MS and the OUTBOX_* settings, refusing an interval below 50 ms by name', () => {
    expect(readSchedulerConfig({})).toMatchObject({ outboxIntervalMs: 30_000, outbox: { maxAttempts: 10 } });
    expect(readSchedulerConfig({ OUTBOX_INTERVAL_MS: '250', OUTBOX_MAX_ATTEMPTS: '4' })).toMatchObject({ outboxIntervalMs: 250, outbox: { maxAttempts: 4 } });
    expect(() => readSchedulerConfig({ OUTBOX_INTERVAL_MS: '10' })).toThrow(ConfigError);
    expect(() => readSchedulerConfig({ OUTBOX_INTERVAL_MS: '10' })).toThrow(/^OUTBOX_INTERVAL_MS must be at least 50 ms$/);
  });

  it('reads LOG_RETENTION_DAYS (90 days unless told, 0 keeps the logs forever), refusing anything else by name', () => {
    expect(readSchedulerConfig({}).logRetention).toEqual({ kind: 'days', days: 90 });
    expect(readSchedulerConfig({ LOG_RETENTION_DAYS: '14' }).logRetention).toEqual({ kind: 'days', days: 14 });
    expect(readSchedulerConfig({ LOG_RETENTION_DAYS: '0' }).logRetention).toEqual({ kind: 'keep-forever' });
    expect(() => readSchedulerConfig({ LOG_RETENTION_DAYS: '-7' })).toThrow(ConfigError);
    expect(() => readSchedulerConfig({ LOG_RETENTION_DAYS: '-7' })).toThrow(/^LOG_RETENTION_DAYS must be a whole number of days/);
  });
});
