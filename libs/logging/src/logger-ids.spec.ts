import { describe, expect, it } from 'vitest';
import { useLoggerTestBed } from './testing/logger-test-bed';

const RUN_ID = '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41';
const REQUEST_ID = '7a9e4b12-5c3d-4f8a-b1e6-0c2d4f6a8b13';
const JOB_ID = 'e5b7c9d1-3f2a-4b6c-8d0e-1a3c5e7f9b27';

describe('LoggerService correlation ids', () => {
  const bed = useLoggerTestBed('ids-test');

  it('stores every form PostgreSQL accepts as the canonical lowercase uuid', async () => {
    await bed.logger.info('variants', {
      runId: `{${RUN_ID.toUpperCase()}}`,
      requestId: REQUEST_ID.replace(/-/g, ''),
      jobId: JOB_ID.toUpperCase(),
    });
    const row = await bed.onlyRow();
    expect([row.run_id, row.request_id, row.job_id]).toEqual([RUN_ID, REQUEST_ID, JOB_ID]);
    expect(row.details).toBeNull();
  });

  it('stores ids that are not uuids as NULL and keeps them under details._legacy', async () => {
    await bed.logger.warning('legacy ids', { runId: 'run-2025-09-22-0900', requestId: 'req#42', details: { attempt: 3 } });
    const row = await bed.onlyRow();
    expect(row.run_id).toBeNull();
    expect(row.request_id).toBeNull();
    expect(row.details).toEqual({ attempt: 3, _legacy: { run_id: 'run-2025-09-22-0900', request_id: 'req#42' } });
  });

  it('wraps details that are not an object before adding _legacy, as the migration does', async () => {
    await bed.logger.info('array details', { runId: 'not-a-uuid', details: [1, 2, 3] });
    expect((await bed.onlyRow()).details).toEqual({ value: [1, 2, 3], _legacy: { run_id: 'not-a-uuid' } });
  });

  it('adds to a _legacy object the caller already had', async () => {
    await bed.logger.info('merged', { requestId: 'abc', details: { _legacy: { job_id: 'old' } } });
    expect((await bed.onlyRow()).details).toEqual({ _legacy: { job_id: 'old', request_id: 'abc' } });
  });

  it.each(['', '   ', 'None', 'null', 'NULL'])('stores %j as NULL with nothing kept aside', async (empty) => {
    await bed.logger.info('empty ids', { runId: empty, requestId: empty, jobId: empty });
    const row = await bed.onlyRow();
    expect([row.run_id, row.request_id, row.job_id, row.job_name, row.details]).toEqual([null, null, null, null, null]);
  });

  it('writes job_name beside a uuid job_id for background jobs', async () => {
    await bed.logger.info('tick', { jobId: JOB_ID, jobName: 'process_outbox_events_job', payload: { claimed: 0 } });
    const row = await bed.onlyRow();
    expect([row.job_id, row.job_name]).toEqual([JOB_ID, 'process_outbox_events_job']);
  });

  it('reads a job name given as job_id as the job name, like the migration', async () => {
    await bed.logger.info('legacy caller', { jobId: 'process_outbox_events_job' });
    const row = await bed.onlyRow();
    expect([row.job_id, row.job_name, row.details]).toEqual([null, 'process_outbox_events_job', null]);
  });

  it('keeps a non-uuid job_id under _legacy when the job name is given as well', async () => {
    await bed.logger.info('both', { jobId: 'tick-17', jobName: 'process_outbox_events_job' });
    const row = await bed.onlyRow();
    expect([row.job_id, row.job_name]).toEqual([null, 'process_outbox_events_job']);
    expect(row.details).toEqual({ _legacy: { job_id: 'tick-17' } });
  });
});
