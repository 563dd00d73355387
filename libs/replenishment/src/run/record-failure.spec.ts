import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { openLoggedTestDatabase, type LoggedTestDatabase } from '@hub/testing';
import { recordRunFailure } from './record-failure';

/** Sessions that refuse the first `refusals` opens the way a pool does while the server is away. */
function refusingSessions(sessions: SessionFactory, refusals: number): SessionFactory & { opened(): number } {
  let opened = 0;
  return {
    open: () => {
      opened += 1;
      if (opened <= refusals) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return sessions.open();
    },
    withSession: (work) => sessions.withSession(work),
    opened: () => opened,
  };
}

describe('recording the failure of a run while the database is away', () => {
  let fx: LoggedTestDatabase;
  beforeAll(async () => {
    fx = await openLoggedTestDatabase('record_failure', 'record-failure');
  });
  afterAll(async () => fx?.close());

  const runningRun = async () => {
    const id = randomUUID();
    await fx.query(`insert into replenishment_runs (id, trigger, status, started_at) values (?, 'endpoint', 'running', now())`, [id]);
    return id;
  };
  const runRow = async (id: string) =>
    (await fx.query<{ status: string; error: string | null }>('select status, error from replenishment_runs where id = ?', [id]))[0];

  it('keeps trying until the database takes it, and says once that it is waiting', async () => {
    const id = await runningRun();
    const sessions = refusingSessions(fx.sessions, 3);
    const recorded = await recordRunFailure({ sessions, logger: fx.logger }, id, {
      step: 'fetch_stock',
      message: 'DriverException: Connection terminated unexpectedly',
    });
    expect(recorded).toBe(true);
    expect(sessions.opened()).toBe(4);
    expect(await runRow(id)).toEqual({ status: 'failed', error: 'DriverException: Connection terminated unexpectedly' });
    const logged = await fx.query<{ level: string; message: string }>(
      `select level, message from integration_logs where message like 'Could not mark the run failed%'`,
    );
    expect(logged).toEqual([{ level: 'WARNING', message: 'Could not mark the run failed yet: retrying until the database answers' }]);
  });

  it('gives up after its patience, saying the run stays active', async () => {
    await fx.emptyTables();
    const id = await runningRun();
    const recorded = await recordRunFailure(
      { sessions: refusingSessions(fx.sessions, Infinity), logger: fx.logger },
      id,
      { step: 'plan', message: 'gone' },
      300,
    );
    expect(recorded).toBe(false);
    expect(await runRow(id)).toEqual({ status: 'running', error: null });
    const logged = await fx.query<{ level: string; message: string }>(`select level, message from integration_logs order by id`);
    expect(logged.map((row) => row.level)).toEqual(['WARNING', 'ERROR']);
    expect(logged[1]?.message).toMatch(/^Could not mark the run failed after \d+ attempts: it stays active until it counts as abandoned$/);
  });
});
