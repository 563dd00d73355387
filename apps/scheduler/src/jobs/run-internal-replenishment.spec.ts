import { describe, expect, it } from 'vitest';
import { createScheduler } from '../scheduler';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';
import { JOB_NAMES } from './job-names';

describe('run_internal_replenishment_job', () => {
  const env = useSchedulerTestEnv('hub_test_scheduled_run');

  it('starts a scheduled replenishment run and logs it under the job’s name and id', async () => {
    const result = await createScheduler(env.deps()).runInternalReplenishment();

    if (result.status === 'not_started') throw new Error(`run not started: ${result.error}`);
    const [run] = await env.orm.em.fork().execute<{ trigger: string; status: string }[]>(
      'select trigger, status from replenishment_runs where id = ?::uuid',
      [result.runId],
      'all',
    );
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
});
