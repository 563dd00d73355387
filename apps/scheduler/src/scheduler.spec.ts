import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { readSchedulerConfig } from './config';
import { JOB_NAMES } from './jobs/job-names';
import { createScheduler } from './scheduler';
import { useSchedulerTestEnv } from './testing/scheduler-test-env';

describe('createScheduler', () => {
  const env = useSchedulerTestEnv('hub_test_scheduler');

  it('fires the replenishment on the next working day at 09:00 Moscow (06:00 UTC), the outbox within 30 s', async () => {
    const scheduler = createScheduler(env.deps());
    expect(scheduler.nextInvocations()).toEqual({ [JOB_NAMES.processOutboxEvents]: null, [JOB_NAMES.runInternalReplenishment]: null });
    scheduler.start();
    const next = scheduler.nextInvocations();
    await scheduler.stop();

    const replenishment = next[JOB_NAMES.runInternalReplenishment];
    const moscow = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Moscow', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    expect(moscow.format(replenishment ?? undefined)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
    expect([replenishment?.getUTCHours(), replenishment?.getUTCMinutes()]).toEqual([6, 0]);
    expect(replenishment!.getTime() - Date.now()).toBeLessThanOrEqual(3 * 24 * 3_600_000 + 60_000);

    const outbox = next[JOB_NAMES.processOutboxEvents];
    expect(outbox!.getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    expect(outbox!.getUTCSeconds() % 30).toBe(0);
    expect(scheduler.nextInvocations()[JOB_NAMES.processOutboxEvents]).toBeNull();
  });

  it('ticks the outbox on a plain timer when OUTBOX_INTERVAL_MS asks for another interval, delivering without a call by hand', async () => {
    const { eventId } = await env.enqueueTransferOrder();
    const scheduler = createScheduler(env.deps({ outboxIntervalMs: 100 }));
    scheduler.start();
    expect(scheduler.nextInvocations()[JOB_NAMES.processOutboxEvents]!.getTime() - Date.now()).toBeLessThanOrEqual(100);

    let status = 'pending';
    for (let poll = 0; poll < 200 && status !== 'delivered'; poll += 1) {
      await sleep(50);
      [{ status = 'pending' } = {}] = await env.orm.em.fork().execute<{ status: string }[]>('select status from outbox_events where id = ?::uuid', [eventId], 'all');
    }
    await scheduler.stop();

    expect(status).toBe('delivered');
    expect(scheduler.nextInvocations()[JOB_NAMES.processOutboxEvents]).toBeNull();
  });

  it('reads OUTBOX_INTERVAL_MS and the OUTBOX_* settings, refusing an interval below 50 ms by name', () => {
    expect(readSchedulerConfig({})).toMatchObject({ outboxIntervalMs: 30_000, outbox: { maxAttempts: 10 } });
    expect(readSchedulerConfig({ OUTBOX_INTERVAL_MS: '250', OUTBOX_MAX_ATTEMPTS: '4' })).toMatchObject({ outboxIntervalMs: 250, outbox: { maxAttempts: 4 } });
    expect(() => readSchedulerConfig({ OUTBOX_INTERVAL_MS: '10' })).toThrow(ConfigError);
    expect(() => readSchedulerConfig({ OUTBOX_INTERVAL_MS: '10' })).toThrow(/^OUTBOX_INTERVAL_MS must be at least 50 ms$/);
  });
});
