import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { Warehouse } from './entities';
import { connectDatabase, createSessionFactory, DatabaseNotConnectedError, disconnectDatabase, getOrm } from './session';
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

describe('connectDatabase', () => {
  const database = useTestOrm();

  it('gives callers that race one ORM, and a fresh one after disconnectDatabase', async () => {
    const url = database.orm.config.get('clientUrl')!;
    const [first, second] = await Promise.all([connectDatabase(url), connectDatabase(url)]);
    try {
      expect(second).toBe(first);
      expect(getOrm()).toBe(first);
    } finally {
      await disconnectDatabase();
    }
    expect(await first.isConnected()).toBe(false);
    expect(() => getOrm()).toThrow(DatabaseNotConnectedError);
  });
});
