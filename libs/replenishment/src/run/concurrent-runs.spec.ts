import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSessionFactory } from '@hub/db';
import type { OneCClient } from '@hub/integrations';
import { openTestOrm } from '@hub/testing';
import { RunInProgressError } from './errors';
import { startReplenishmentRun } from './start-run';
import { useRunEnvironment } from '../testing/run-fixture';
import type { RunRequest } from './types';

describe('runs started while another is in progress', () => {
  const env = useRunEnvironment();
  const deps = () => ({ sessions: env.fx.sessions, oneC: env.sandbox.oneC, logger: env.fx.logger });
  const start = (request: RunRequest) => startReplenishmentRun(deps(), request);
  /** Another process's run, as its row says: active for `target` (null: all warehouses). */
  const activeRun = async (target: string | null, createdAgo = '0 seconds') => {
    const id = randomUUID();
    await env.fx.query(
      `insert into replenishment_runs (id, trigger, target_warehouse_id, status, created_at)
      values (?, 'schedule', ?, 'running', now() - ?::interval)`,
      [id, target, createdAgo],
    );
    return id;
  };
  const finish = (id: string) => env.fx.query(`update replenishment_runs set status = 'succeeded' where id = ?`, [id]);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  it('admit exactly one of several triggered at once from separate processes; the others name it', async () => {
    // The admitted run waits at its first question to 1С until every trigger has its answer, so
    // it is certainly still running when the others ask.
    let answerOneC = (): void => undefined;
    const oneCMayAnswer = new Promise<void>((resolve) => (answerOneC = resolve));
    const held: OneCClient = { ...env.sandbox.oneC, listWarehouses: async () => oneCMayAnswer.then(() => env.sandbox.oneC.listWarehouses()) };
    const otherProcess = await openTestOrm(env.fx.db.url);
    const other = { ...deps(), oneC: held, sessions: createSessionFactory(otherProcess) };
    try {
      const attempts = await Promise.allSettled([
        startReplenishmentRun({ ...deps(), oneC: held }, { trigger: 'endpoint' }),
        startReplenishmentRun(other, { trigger: 'schedule' }),
        startReplenishmentRun(other, { trigger: 'admin' }),
      ]);
      answerOneC();
      const admitted = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      expect(admitted).toHaveLength(1);
      const refused = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason as unknown] : []));
      expect(refused).toEqual([expect.any(RunInProgressError), expect.any(RunInProgressError)]);
      for (const error of refused) expect(error).toMatchObject({ code: 'run_in_progress', activeRunId: admitted[0]?.runId });
      expect(await admitted[0]?.completion).toMatchObject({ status: 'succeeded' });
    } finally {
      await otherProcess.close(true);
    }
    expect(await env.fx.query('select id from replenishment_runs')).toHaveLength(1);
  });

  it('refuse a run whose target overlaps an active one: the same warehouse, or all warehouses either way', async () => {
    const [a, b] = await env.fx.query<{ id: string }>('select id from warehouses order by code limit 2');
    if (!a || !b) throw new Error('the demo catalogue has several warehouses');
    const forA = await activeRun(a.id);
    expect(await refusal(start({ trigger: 'endpoint', warehouseId: a.id }))).toMatchObject({ activeRunId: forA });
    expect(await refusal(start({ trigger: 'endpoint' }))).toMatchObject({ activeRunId: forA });
    const forB = await start({ trigger: 'endpoint', warehouseId: b.id });
    expect(await forB.completion).toMatchObject({ status: 'succeeded' });
    await finish(forA);

    const forAll = await activeRun(null);
    expect(await refusal(start({ trigger: 'admin', warehouseId: b.id }))).toMatchObject({ activeRunId: forAll });
    await finish(forAll);
  });

  it('fail a run abandoned by a stopped process instead of refusing every later run', async () => {
    const abandoned = await activeRun(null, '3 hours');
    const run = await start({ trigger: 'endpoint' });
    expect(await run.completion).toMatchObject({ status: 'succeeded' });
    const [row] = await env.fx.query<{ status: string; error: string }>('select status, error from replenishment_runs where id = ?', [abandoned]);
    expect(row).toMatchObject({ status: 'failed', error: expect.stringContaining('Abandoned') });
  });
});
