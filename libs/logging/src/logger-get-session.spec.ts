import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureStdout, createTestDatabase, type TestDatabase } from '@hub/testing';
import { connectDatabase, createSessionFactory, disconnectDatabase, getOrm, getSession } from '@hub/db';
import { withLogContext } from '@hub/runtime';
import { LoggerService } from './logger-service';
import { readLogRows } from './testing/read-log-rows';

const JOB_ID = '9b2f4c6e-1a3d-4e5f-8a7b-0c1d2e3f4a5b';

describe('LoggerService on the process-wide session (getSession compatibility)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await connectDatabase(db.url);
  });
  beforeEach(async () => {
    await getSession().execute('truncate integration_logs');
  });
  afterAll(async () => {
    await disconnectDatabase();
    await db.drop();
  });

  it('writes rows with no session option once connectDatabase has run', async () => {
    const stdout = captureStdout('scheduler');
    const logger = new LoggerService({ source: 'scheduler', stdout: stdout.logger });
    await withLogContext({ jobId: JOB_ID, jobName: 'process_outbox_events_job' }, () => logger.info('Outbox tick', { payload: { claimed: 2, delivered: 2 } }));
    const rows = await readLogRows(getSession());
    expect(rows).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'Outbox tick',
        source: 'scheduler',
        job_id: JOB_ID,
        job_name: 'process_outbox_events_job',
        payload: { claimed: 2, delivered: 2 },
      }),
    ]);
    expect(stdout.lines()).toEqual([expect.objectContaining({ msg: 'Outbox tick', jobId: JOB_ID })]);
  });

  it('keeps a row logged inside a unit of work that rolls back: the audit trail outlives the failure', async () => {
    const logger = new LoggerService({ source: 'api', stdout: captureStdout('api').logger });
    const planning = createSessionFactory(getOrm()).withSession(async (em) => {
      await em.execute('select 1');
      await logger.error('planner failed', { step: 'plan_transfers' });
      throw new Error('planner failed');
    });
    await expect(planning).rejects.toThrow('planner failed');
    const rows = await readLogRows(getSession());
    expect(rows.map((row) => [row.level, row.message, row.step])).toEqual([['ERROR', 'planner failed', 'plan_transfers']]);
  });
});
