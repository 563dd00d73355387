import { describe, expect, it } from 'vitest';
import { createSessionFactory } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { createEmptyTestDatabase, createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { createReadinessCheck } from './readiness';

const CURRENT_FOR_MS = 10_000;

/** A clock the test moves by hand. */
function manualClock() {
  let at = 0;
  return { now: () => at, advance: (ms: number) => void (at += ms) };
}

async function withOrm(db: TestDatabase, work: (orm: Awaited<ReturnType<typeof openTestOrm>>) => Promise<void>): Promise<void> {
  const orm = await openTestOrm(db.url);
  try {
    await work(orm);
  } finally {
    await orm.close(true);
    await db.drop();
  }
}

describe('the readiness check', () => {
  it('reads the migrations again once their last "current" is older than the window: a newer build\'s migration turns it not ready', async () => {
    await withOrm(await createTestDatabase('hub_test_ready_window'), async (orm) => {
      const clock = manualClock();
      const check = createReadinessCheck(createSessionFactory(orm), { now: clock.now, currentForMs: CURRENT_FOR_MS });
      expect(await check()).toEqual({ ready: true });
      await orm.em.fork().execute(`insert into mikro_orm_migrations (name, executed_at) values ('Migration29990101000000_from_a_newer_build', now())`);
      clock.advance(CURRENT_FOR_MS - 1);
      expect(await check()).toEqual({ ready: true });
      clock.advance(1);
      expect(await check()).toMatchObject({
        ready: false,
        reason: 'migrations_unknown',
        message: expect.stringContaining('Migration29990101000000_from_a_newer_build'),
      });
      // Not remembered either: still not ready on the next probe, at the same instant.
      expect(await check()).toMatchObject({ ready: false, reason: 'migrations_unknown' });
    });
  });

  it('asks the database on every probe, even while the migrations are known current', async () => {
    await withOrm(await createTestDatabase('hub_test_ready_live'), async (orm) => {
      const clock = manualClock();
      const check = createReadinessCheck(createSessionFactory(orm), { now: clock.now, currentForMs: CURRENT_FOR_MS });
      expect(await check()).toEqual({ ready: true });
      await orm.close(true);
      expect(await check()).toMatchObject({ ready: false, reason: 'database_unreachable' });
    });
  });

  it('never remembers pending migrations: ready on the first probe after they are applied', async () => {
    const db = await createEmptyTestDatabase('hub_test_ready_pending');
    await withOrm(db, async (orm) => {
      const clock = manualClock();
      const check = createReadinessCheck(createSessionFactory(orm), { now: clock.now, currentForMs: CURRENT_FOR_MS });
      expect(await check()).toMatchObject({ ready: false, reason: 'migrations_pending' });
      await migrateUp(db.url, createStdoutLogger('test', 'silent'));
      expect(await check()).toEqual({ ready: true });
    });
  });
});
