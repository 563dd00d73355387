import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TransferOrder, type MikroORM } from '@hub/db';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';
import { LoggerService, createStdoutLogger } from '@hub/logging';
import { enqueueEvent } from '@hub/outbox';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { JOB_NAMES } from './jobs/job-names';
import { createScheduler, type SchedulerDeps } from './scheduler';
import { createPendingTransferOrder } from './testing/fixtures';
import { findFreePort, startSandboxProcess, type SandboxProcess } from './testing/sandbox-process';

interface LogRow {
  level: string;
  message: string;
  job_id: string | null;
  job_id_type: string;
  job_name: string | null;
  payload: Record<string, unknown> | null;
  payload_type: string | null;
  elapsed_ms: number | null;
}

describe('scheduler', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sandbox: SandboxProcess;
  let logger: LoggerService;

  const deps = (overrides: Partial<SchedulerDeps> = {}): SchedulerDeps => ({ orm, oneC: sandbox.oneC, logger, ...overrides });
  const logsOf = (where: string, params: unknown[]) =>
    orm.em.fork().execute<LogRow[]>(
      `select level, message, job_id, pg_typeof(job_id)::text as job_id_type, job_name, payload,
         jsonb_typeof(payload) as payload_type, elapsed_ms
       from integration_logs where ${where} order by id`,
      params,
      'all',
    );
  /** A pending transfer order and its CREATE_1C_TRANSFER_ORDER event, as a run writes them. */
  async function enqueueTransferOrder(): Promise<{ orderId: string; eventId: string }> {
    const { orderId, request } = await createPendingTransferOrder(orm, sandbox.oneC);
    const eventId = await orm.em.fork().transactional((em) =>
      enqueueEvent(em, { aggregateType: 'transfer_order', aggregateId: orderId, eventType: 'CREATE_1C_TRANSFER_ORDER', payload: request }),
    );
    return { orderId, eventId };
  }

  beforeAll(async () => {
    [db, sandbox] = await Promise.all([createTestDatabase('hub_test_scheduler'), startSandboxProcess()]);
    orm = await openTestOrm(db.url);
    logger = new LoggerService({ source: 'scheduler', session: () => orm.em.fork(), stdout: createStdoutLogger('scheduler', 'silent') });
  });
  afterAll(async () => {
    await orm.close(true);
    await Promise.all([db.drop(), sandbox.stop()]);
  });
  beforeEach(() => orm.em.fork().execute('delete from outbox_events', [], 'run'));

  it('delivers a pending transfer order to 1С in one tick and writes the tick’s INFO row', async () => {
    const { orderId, eventId } = await enqueueTransferOrder();

    const result = await createScheduler(deps()).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 1, retried: 0, dead: 0 } });
    const documents = (await sandbox.transferOrders()).documents.filter((doc) => doc.hubOrderId === orderId);
    expect(documents).toHaveLength(1);
    expect(await orm.em.fork().findOneOrFail(TransferOrder, { id: orderId })).toMatchObject({
      status: 'sent',
      externalId: documents[0]?.id,
    });
    if (result.status !== 'completed') throw new Error('unreachable');
    const rows = await logsOf("job_id = ?::uuid and level = 'INFO'", [result.jobId]);
    expect(rows).toEqual([
      {
        level: 'INFO',
        message: 'Outbox tick finished',
        job_id: result.jobId,
        job_id_type: 'uuid',
        job_name: JOB_NAMES.processOutboxEvents,
        payload: { claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0 },
        payload_type: 'object',
        elapsed_ms: result.elapsedMs,
      },
    ]);
    const delivered = await logsOf("job_id = ?::uuid and level = 'DEBUG'", [result.jobId]);
    expect(delivered.map((row) => row.payload?.['eventId'])).toEqual([eventId]);
  });

  it('skips a tick while the previous one still runs, and says so once', async () => {
    await enqueueTransferOrder();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = (): void => undefined;
    const deliveryStarted = new Promise<void>((resolve) => (entered = resolve));
    const slowOneC: OneCClient = {
      ...sandbox.oneC,
      async createTransferOrder(order, options) {
        entered();
        await gate;
        return sandbox.oneC.createTransferOrder(order, options);
      },
    };
    const scheduler = createScheduler(deps({ oneC: slowOneC }));

    const first = scheduler.runOutboxTick();
    await deliveryStarted;
    const [second, third] = [await scheduler.runOutboxTick(), await scheduler.runOutboxTick()];
    release();
    const finished = await first;

    if (finished.status !== 'completed') throw new Error(`first tick ${finished.status}`);
    expect(finished.counts).toMatchObject({ claimed: 1, delivered: 1 });
    expect(second).toEqual({ status: 'skipped', runningJobId: finished.jobId });
    expect(third).toEqual({ status: 'skipped', runningJobId: finished.jobId });
    const skipRows = await logsOf("message like 'Outbox tick skipped%' and created_at > now() - interval '1 minute'", []);
    expect(skipRows).toHaveLength(1);
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { claimed: 0 } });
  });

  it('schedules a retry when 1С is unreachable, and still writes the INFO row', async () => {
    const { eventId } = await enqueueTransferOrder();
    const { ONEC_USERNAME: username, ONEC_PASSWORD: password } = ONE_C_ENV_DEFAULTS;
    const down = createOneCClient({ baseUrl: `http://127.0.0.1:${await findFreePort()}`, username, password, timeoutMs: 2_000 });

    const result = await createScheduler(deps({ oneC: down })).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 0, retried: 1, dead: 0 } });
    if (result.status !== 'completed') throw new Error('unreachable');
    const [event] = await orm.em.fork().execute<{ status: string; attempts: number; last_error: string; due: boolean }[]>(
      'select status, attempts, last_error, next_attempt_at > now() as due from outbox_events where id = ?::uuid',
      [eventId],
      'all',
    );
    expect(event).toMatchObject({ status: 'pending', attempts: 1 });
    expect(event?.last_error).toContain('failed on the network');
    const rows = await logsOf('job_id = ?::uuid', [result.jobId]);
    expect(rows.map((row) => [row.level, row.message])).toEqual([
      ['WARNING', 'Outbox event delivery failed; retry scheduled'],
      ['INFO', 'Outbox tick finished'],
    ]);
    expect(rows[1]?.payload).toMatchObject({ claimed: 1, retried: 1 });
  });

  it('turns a database failure inside a tick into an ERROR row instead of a rejection', async () => {
    const closed = await openTestOrm(db.url);
    await closed.close(true);

    const result = await createScheduler(deps({ orm: closed })).runOutboxTick();

    expect(result.status).toBe('failed');
    if (result.status !== 'failed') throw new Error('unreachable');
    const rows = await logsOf('job_id = ?::uuid', [result.jobId]);
    expect(rows).toMatchObject([{ level: 'ERROR', message: 'Outbox tick failed', job_name: JOB_NAMES.processOutboxEvents }]);
  });

  it('starts a scheduled replenishment run and logs it under the job’s name and id', async () => {
    const result = await createScheduler(deps()).runInternalReplenishment();

    if (result.status === 'not_started') throw new Error(`run not started: ${result.error}`);
    const [run] = await orm.em.fork().execute<{ trigger: string; status: string }[]>(
      'select trigger, status from replenishment_runs where id = ?::uuid',
      [result.runId],
      'all',
    );
    expect(run).toEqual({ trigger: 'schedule', status: result.status });
    const rows = await logsOf("job_id = ?::uuid and job_name = ? and run_id = ?::uuid and message like 'Scheduled replenishment run%'", [
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

  it('fires the replenishment on the next working day at 09:00 Moscow (06:00 UTC), the outbox within 30 s', async () => {
    const scheduler = createScheduler(deps());
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
