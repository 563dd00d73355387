import { describe, expect, it } from 'vitest';
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
});
