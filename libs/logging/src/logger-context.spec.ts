import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentLogContext, withLogContext } from '@hub/runtime';
import { useLoggerTestBed } from './testing/logger-test-bed';

const RUN_A = '11111111-1111-4111-8111-111111111111';
const RUN_B = '22222222-2222-4222-8222-222222222222';
const REQUEST = '33333333-3333-4333-8333-333333333333';
const JOB = '44444444-4444-4444-8444-444444444444';

describe('log context', () => {
  const bed = useLoggerTestBed('context-test');

  const storedIds = async () =>
    (await bed.rows()).map((row) => ({
      message: row.message,
      run: row.run_id,
      request: row.request_id,
      job: row.job_id,
      jobName: row.job_name,
    }));

  it('gives rows written after awaits the ids of the context they run in', async () => {
    await withLogContext({ runId: RUN_A, requestId: REQUEST }, async () => {
      await sleep(5);
      await Promise.resolve().then(() => bed.logger.info('after awaits'));
      await new Promise<void>((resolve) => setImmediate(() => resolve(bed.logger.info('from a callback'))));
    });
    await bed.logger.info('outside');
    expect(await storedIds()).toEqual([
      { message: 'after awaits', run: RUN_A, request: REQUEST, job: null, jobName: null },
      { message: 'from a callback', run: RUN_A, request: REQUEST, job: null, jobName: null },
      { message: 'outside', run: null, request: null, job: null, jobName: null },
    ]);
  });

  it('merges nested contexts over the outer one and restores the outer one after', async () => {
    await withLogContext({ jobId: JOB, jobName: 'run_internal_replenishment_job' }, async () => {
      await withLogContext({ runId: RUN_A }, () => bed.logger.info('inner'));
      await withLogContext({ jobName: null }, () => bed.logger.info('job name cleared'));
      await bed.logger.info('outer again');
    });
    expect(await storedIds()).toEqual([
      { message: 'inner', run: RUN_A, request: null, job: JOB, jobName: 'run_internal_replenishment_job' },
      { message: 'job name cleared', run: null, request: null, job: JOB, jobName: null },
      { message: 'outer again', run: null, request: null, job: JOB, jobName: 'run_internal_replenishment_job' },
    ]);
  });

  it('keeps concurrent contexts apart', async () => {
    let runBLogged!: () => void;
    const runBDone = new Promise<void>((resolve) => (runBLogged = resolve));
    // Run A starts first and waits across all of run B's work before it logs.
    await Promise.all([
      withLogContext({ runId: RUN_A }, async () => {
        await runBDone;
        await bed.logger.info('run A');
      }),
      withLogContext({ runId: RUN_B }, async () => {
        await sleep(1);
        await bed.logger.info('run B');
        runBLogged();
      }),
    ]);
    const rows = await storedIds();
    expect(rows.map((row) => [row.message, row.run])).toEqual([
      ['run B', RUN_B],
      ['run A', RUN_A],
    ]);
  });

  it('lets ids given with the entry win over the context, null included', async () => {
    await withLogContext({ runId: RUN_A, requestId: REQUEST }, () => bed.logger.info('own ids', { runId: RUN_B, requestId: null }));
    expect(await storedIds()).toEqual([{ message: 'own ids', run: RUN_B, request: null, job: null, jobName: null }]);
    expect(bed.stdout.lines()[0]).toMatchObject({ runId: RUN_B, requestId: null });
  });

  it('puts the same ids on the stdout line as in the row, normalised', async () => {
    await withLogContext({ runId: RUN_A.toUpperCase(), jobName: 'process_outbox_events_job' }, () => bed.logger.info('tick'));
    expect(bed.stdout.lines()).toEqual([expect.objectContaining({ msg: 'tick', runId: RUN_A, jobName: 'process_outbox_events_job' })]);
    expect(bed.stdout.lines()[0]).not.toHaveProperty('requestId');
  });

  it('keeps a context id the row could not take off the stdout line, as it is off the row', async () => {
    await withLogContext({ runId: 'run-2025-09-22-0900' }, () => bed.logger.info('legacy id'));
    expect(bed.stdout.lines()[0]).toMatchObject({ runId: null, details: { _legacy: { run_id: 'run-2025-09-22-0900' } } });
  });

  it('adds the context ids to every line of the stdout logger used directly', async () => {
    await withLogContext({ requestId: REQUEST, jobId: JOB }, async () => {
      await sleep(1);
      bed.stdout.logger.info('direct');
    });
    bed.stdout.logger.info('no context');
    const [inside, outside] = bed.stdout.lines();
    expect(inside).toMatchObject({ msg: 'direct', requestId: REQUEST, jobId: JOB });
    expect(inside).not.toHaveProperty('runId');
    expect(outside).not.toHaveProperty('requestId');
  });

  it('hands out copies of the context, so changing one changes nothing else', () => {
    withLogContext({ runId: RUN_A }, () => {
      currentLogContext().runId = RUN_B;
      expect(currentLogContext().runId).toBe(RUN_A);
    });
  });
});
