import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPES } from '@hub/orders';
import { exposition } from '@hub/runtime';
import { createScheduler } from '../scheduler';
import { createSchedulerMetrics } from '../scheduler-metrics';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';
import { JOB_NAMES } from './job-names';

describe('run_internal_replenishment_job', () => {
  const env = useSchedulerTestEnv('hub_test_scheduled_run');

  it('starts a scheduled replenishment run and logs it under the job’s name and id', async () => {
    const result = await createScheduler(env.deps()).runInternalReplenishment();

    if (result.status === 'not_started' || result.status === 'skipped') throw new Error(`run not started: ${JSON.stringify(result)}`);
    const [run] = await env.orm.em
      .fork()
      .execute<{ trigger: string; status: string }[]>('select trigger, status from replenishment_runs where id = ?::uuid', [result.runId], 'all');
    expect(run).toEqual({ trigger: 'schedule', status: result.status });
    const rows = await env.logsWhere("job_id = ?::uuid and job_name = ? and run_id = ?::uuid and message like 'Scheduled replenishment run%'", [
      result.jobId,
      JOB_NAMES.runInternalReplenishment,
      result.runId,
    ]);
    expect(rows.map((row) => row.message)).toEqual([
      'Scheduled replenishment run started',
      result.status === 'succeeded' ? 'Scheduled replenishment run finished' : 'Scheduled replenishment run failed',
    ]);
    expect(result.status).toBe('succeeded');
  });

  it("skips with an INFO row naming the run in progress (another replica's) instead of an error", async () => {
    const activeRunId = randomUUID();
    await env.orm.em.fork().execute(`insert into replenishment_runs (id, trigger, status) values (?::uuid, 'schedule', 'running')`, [activeRunId], 'run');
    const result = await createScheduler(env.deps()).runInternalReplenishment();

    expect(result).toEqual({ status: 'skipped', jobId: expect.any(String), activeRunId });
    const rows = await env.logsWhere('job_id = ?::uuid', [result.jobId]);
    expect(rows).toMatchObject([
      { level: 'INFO', message: `Scheduled replenishment run skipped: run ${activeRunId} is in progress`, payload: { activeRunId } },
    ]);
    const [runs] = await env.orm.em.fork().execute<{ n: number }[]>(`select count(*)::int as n from replenishment_runs where status = 'queued'`, [], 'all');
    expect(runs?.n).toBe(0);
  });

  it('measures each job run by how it ended, a skipped start included', async () => {
    await env.orm.em.fork().execute(`update replenishment_runs set status = 'failed' where status in ('queued', 'running')`, [], 'run');
    const metrics = createSchedulerMetrics(ORDER_EVENT_TYPES);
    const scheduler = createScheduler(env.deps({ metrics }));
    const first = await scheduler.runInternalReplenishment();
    expect(first.status).toBe('succeeded');
    const activeRunId = randomUUID();
    await env.orm.em.fork().execute(`insert into replenishment_runs (id, trigger, status) values (?::uuid, 'schedule', 'running')`, [activeRunId], 'run');
    expect((await scheduler.runInternalReplenishment()).status).toBe('skipped');

    const lines = (await exposition(metrics.registry)).split('\n');
    const job = JOB_NAMES.runInternalReplenishment;
    expect(lines).toContain(`hub_scheduler_job_duration_seconds_count{job="${job}",status="succeeded"} 1`);
    expect(lines).toContain(`hub_scheduler_job_duration_seconds_count{job="${job}",status="skipped"} 1`);
  });
});
