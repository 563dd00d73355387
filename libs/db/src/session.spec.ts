import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { Warehouse } from './entities';
import { createSessionFactory } from './session';
import { randomUUID } from 'node:crypto';

describe('createSessionFactory', () => {
  const database = useTestOrm();

  it('gives every unit of work its own identity map', () => {
    const sessions = createSessionFactory(database.orm);
    expect(sessions.open()).not.toBe(sessions.open());
  });

  it('commits what withSession wrote', async () => {
    const sessions = createSessionFactory(database.orm);
    const id = randomUUID();
    await sessions.withSession(async (em) => {
      em.create(Warehouse, { id, externalId: `wh-${id}`, code: 'MSK-1', name: 'Moscow 1' });
    });
    const found = await sessions.open().findOne(Warehouse, { id });
    expect(found?.name).toBe('Moscow 1');
  });

  it('rolls back everything when the work throws', async () => {
    const sessions = createSessionFactory(database.orm);
    const id = randomUUID();
    await expect(
      sessions.withSession(async (em) => {
        em.create(Warehouse, { id, externalId: `wh-${id}`, code: 'SPB-1', name: 'Saint Petersburg 1' });
        await em.flush();
        throw new Error('planner failed');
      }),
    ).rejects.toThrow('planner failed');
    expect(await sessions.open().findOne(Warehouse, { id })).toBeNull();
  });
});
