import { beforeEach, describe, expect, it } from 'vitest';
import { createSessionFactory, TransferOrder } from '@hub/db';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';
import { findFreePort, openTestOrm } from '@hub/testing';
import { createScheduler } from '../scheduler';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';
import { JOB_NAMES } from './job-names';

describe('process_outbox_events_job', () => {
  const env = useSchedulerTestEnv('hub_test_outbox_tick');
  beforeEach(() => env.orm.em.fork().execute('delete from outbox_events', [], 'run'));

  it('delivers a pending transfer order to 1С in one tick and writes the tick’s INFO row', async () => {
    const { orderId, eventId } = await env.enqueueTransferOrder();

    const result = await createScheduler(env.deps()).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 1, retried: 0, dead: 0 } });
    const documents = (await env.sandbox.transferOrders()).documents.filter((doc) => doc.hubOrderId === orderId);
    expect(documents).toHaveLength(1);
    expect(await env.orm.em.fork().findOneOrFail(TransferOrder, { id: orderId })).toMatchObject({
      status: 'sent',
      externalId: documents[0]?.id,
    });
    if (result.status !== 'completed') throw new Error('unreachable');
    const rows = await env.logsWhere("job_id = ?::uuid and level = 'INFO'", [result.jobId]);
    expect(rows).toEqual([
      {
        level: 'INFO',
        message: 'Outbox tick finished',
        job_id: result.jobId,
        job_id_type: 'uuid',
        job_name: JOB_NAMES.processOutboxEvents,
        payload: { claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0, batches: 1 },
        payload_type: 'object',
        elapsed_ms: result.elapsedMs,
      },
    ]);
    const delivered = await env.logsWhere("job_id = ?::uuid and level = 'DEBUG'", [result.jobId]);
    expect(delivered.map((row) => row.payload?.['eventId'])).toEqual([eventId]);
  });

  it('works off a backlog in one tick, batch after batch, and counts them all in its INFO row', async () => {
    for (let order = 0; order < 3; order += 1) await env.enqueueTransferOrder();

    const result = await createScheduler(env.deps({ outbox: { batchSize: 2 } })).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 3, delivered: 3, retried: 0, dead: 0, batches: 2 } });
  });

  it('skips a tick while the previous one still runs, and says so once', async () => {
    await env.enqueueTransferOrder();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = (): void => undefined;
    const deliveryStarted = new Promise<void>((resolve) => (entered = resolve));
    const slowOneC: OneCClient = {
      ...env.sandbox.oneC,
      async createTransferOrder(order, options) {
        entered();
        await gate;
        return env.sandbox.oneC.createTransferOrder(order, options);
      },
    };
    const scheduler = createScheduler(env.deps({ oneC: slowOneC }));

    const first = scheduler.runOutboxTick();
    await deliveryStarted;
    const [second, third] = [await scheduler.runOutboxTick(), await scheduler.runOutboxTick()];
    release();
    const finished = await first;

    if (finished.status !== 'completed') throw new Error(`first tick ${finished.status}`);
    expect(finished.counts).toMatchObject({ claimed: 1, delivered: 1 });
    expect(second).toEqual({ status: 'skipped', runningJobId: finished.jobId });
    expect(third).toEqual({ status: 'skipped', runningJobId: finished.jobId });
    const skipRows = await env.logsWhere("message like 'Outbox tick skipped%' and created_at > now() - interval '1 minute'", []);
    expect(skipRows).toHaveLength(1);
    expect(await scheduler.runOutboxTick()).toMatchObject({ status: 'completed', counts: { claimed: 0 } });
  });

  it('schedules a retry when 1С is unreachable, and still writes the INFO row', async () => {
    const { eventId } = await env.enqueueTransferOrder();
    const { ONEC_USERNAME: username, ONEC_PASSWORD: password } = ONE_C_ENV_DEFAULTS;
    const down = createOneCClient({ baseUrl: `http://127.0.0.1:${await findFreePort()}`, username, password, timeoutMs: 2_000 });

    const result = await createScheduler(env.deps({ oneC: down })).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 0, retried: 1, dead: 0 } });
    if (result.status !== 'completed') throw new Error('unreachable');
    const [event] = await env.orm.em
      .fork()
      .execute<{ status: string; attempts: number; last_error: string; due: boolean }[]>(
        'select status, attempts, last_error, next_attempt_at > now() as due from outbox_events where id = ?::uuid',
        [eventId],
        'all',
      );
    expect(event).toMatchObject({ status: 'pending', attempts: 1 });
    expect(event?.last_error).toContain('failed on the network');
    const rows = await env.logsWhere('job_id = ?::uuid', [result.jobId]);
    expect(rows.map((row) => [row.level, row.message])).toEqual([
      ['WARNING', 'Outbox event delivery failed; retry scheduled'],
      ['INFO', 'Outbox tick finished'],
    ]);
    expect(rows[1]?.payload).toMatchObject({ claimed: 1, retried: 1 });
  });

  it('turns a database failure inside a tick into an ERROR row instead of a rejection', async () => {
    const closed = await openTestOrm(env.orm.config.get('clientUrl') as string);
    await closed.close(true);

    const result = await createScheduler(env.deps({ sessions: createSessionFactory(closed) })).runOutboxTick();

    expect(result.status).toBe('failed');
    if (result.status !== 'failed') throw new Error('unreachable');
    const rows = await env.logsWhere('job_id = ?::uuid', [result.jobId]);
    expect(rows).toMatchObject([{ level: 'ERROR', message: 'Outbox tick failed', job_name: JOB_NAMES.processOutboxEvents }]);
  });
});
