import { describe, expect, it } from 'vitest';
import { LoggerService } from '@hub/logging';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { createScheduler } from '../scheduler';
import { createSchedulerMetrics } from '../scheduler-metrics';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';
import { JOB_NAMES } from './job-names';

const jobName = JOB_NAMES.cleanupIntegrationLogs;

/** A sample's value in a scrape, or undefined when the scrape has no such series. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('cleanup_integration_logs_job', () => {
  const env = useSchedulerTestEnv('hub_test_log_cleanup_job');

  const seedExpired = (count: number, daysAgo: number) =>
    env.sessions.open().execute(
      `insert into integration_logs (created_at, level, message, step)
       select now() - ?::int * interval '1 day' - n * interval '1 second', 'INFO', 'old row ' || n, 'seeded' from generate_series(1, ?::int) n`,
      [daysAgo, count],
    );
  const seededCount = async () =>
    Number(
      (await env.sessions.open().execute<{ count: string }[]>(`select count(*) as count from integration_logs where step = 'seeded'`, [], 'all'))[0]?.count,
    );

  it('runs once across two replicas that fire together: one removes the expired rows, the other skips; both measure it', async () => {
    await env.sessions.open().execute('truncate integration_logs');
    await seedExpired(30, 31);
    await seedExpired(5, 29);
    const replica = (name: string) => {
      const metrics = createSchedulerMetrics(ORDER_EVENT_TYPES);
      const logger = new LoggerService({ source: name, session: env.sessions.open });
      return { metrics, scheduler: createScheduler(env.deps({ logger, metrics, owner: name, logRetention: { kind: 'days', days: 30 } })) };
    };
    const [a, b] = [replica('replica-a'), replica('replica-b')];

    const results = await Promise.all([a.scheduler.runLogCleanup(), b.scheduler.runLogCleanup()]);

    expect(results.map((result) => result.status).sort()).toEqual(['completed', 'skipped']);
    expect(results.find((result) => result.status === 'completed')).toMatchObject({ removed: 30, complete: true });
    expect(await seededCount()).toBe(5);
    const logged = await env.logsWhere('job_name = ?', [jobName]);
    expect(logged).toMatchObject([{ level: 'INFO', job_id_type: 'uuid', payload: { removed: 30, retentionDays: 30, complete: true } }]);
    expect(logged[0]?.message).toMatch(/^Log cleanup removed 30 rows older than \d{4}-\d\d-\d\dT/);

    const scrapes = await Promise.all([a, b].map((side) => side.metrics.registry.metrics()));
    expect(scrapes.map((text) => sample(text, 'hub_log_cleanup_rows_removed_total')).sort()).toEqual([0, 30]);
    const finished = (status: string) =>
      scrapes.map((text) => sample(text, `hub_scheduler_job_duration_seconds_count{job="${jobName}",status="${status}"}`) ?? 0);
    expect(finished('completed').reduce((sum, count) => sum + count)).toBe(1);
    expect(finished('skipped').reduce((sum, count) => sum + count)).toBe(1);
  });

  it('is not scheduled and removes nothing when LOG_RETENTION_DAYS=0 keeps the logs forever', async () => {
    await env.sessions.open().execute('truncate integration_logs');
    await seedExpired(3, 10 * 365);
    const scheduler = createScheduler(env.deps({ logRetention: { kind: 'keep-forever' } }));
    scheduler.start();
    try {
      expect(scheduler.nextInvocations()[jobName]).toBeNull();
      expect(await scheduler.runLogCleanup()).toEqual({ status: 'disabled' });
    } finally {
      await scheduler.stop();
    }
    expect(await seededCount()).toBe(3);
    expect(await env.logsWhere('job_name = ?', [jobName])).toEqual([]);
  });
});
