import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownCursorError } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { listRuns, type RunListQuery } from './runs-sql';

describe('listRuns', () => {
  const database = useTestOrm();
  // Oldest first: a failed scheduled run, a succeeded one by the endpoint, a running one by the admin.
  let ids: string[];
  const list = (query: Partial<RunListQuery> = {}) => listRuns(database.sessions.open(), { limit: 50, ...query });
  const idsOf = async (query: Partial<RunListQuery>) => (await list(query)).items.map((run) => run.id);

  beforeAll(async () => {
    ids = [randomUUID(), randomUUID(), randomUUID()];
    await database.sessions.open().execute(
      `insert into replenishment_runs (id, trigger, status, created_at) values
         (?, 'schedule', 'failed', now() - interval '3 hours'),
         (?, 'endpoint', 'succeeded', now() - interval '2 hours'),
         (?, 'admin', 'running', now() - interval '1 hour')`,
      ids,
      'run',
    );
  });

  it('lists runs newest first as records, filtered by status and trigger', async () => {
    const page = await list();
    expect(page.items.map((run) => run.id)).toEqual([...ids].reverse());
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ trigger: 'admin', status: 'running', createdAt: expect.any(Date), finishedAt: null });
    expect(await idsOf({ status: 'failed' })).toEqual([ids[0]]);
    expect(await idsOf({ trigger: 'endpoint', status: 'succeeded' })).toEqual([ids[1]]);
    expect(await idsOf({ trigger: 'admin', status: 'failed' })).toEqual([]);
  });

  it('pages from the cursor on, and names the run a cursor does not find', async () => {
    expect(await list({ limit: 2 })).toMatchObject({ nextCursor: ids[1] });
    expect(await idsOf({ limit: 2, cursor: ids[1] })).toEqual([ids[0]]);
    const unknown = randomUUID();
    await expect(list({ cursor: unknown })).rejects.toThrow(UnknownCursorError);
    await expect(list({ cursor: unknown })).rejects.toMatchObject({ message: `No run with id ${unknown}`, rowName: 'run' });
  });
});
