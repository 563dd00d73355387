import { afterAll, beforeAll } from 'vitest';
import { createSessionFactory, type MikroORM, type SessionFactory } from '@hub/db';
import { createEmptyTestDatabase, createTestDatabase, openTestOrm, type TestDatabase } from './test-database';

/** A MikroORM on a database of the spec's own and its session factory; both set in `beforeAll`. */
export interface TestOrm {
  orm: MikroORM;
  sessions: SessionFactory;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that create a database (cloned from the migrated
 * template, or `'empty'` for no tables at all), open an ORM on it, then close and drop both.
 * Read `orm` inside hooks and tests only: it is not set while the `describe` body runs.
 */
export function useTestOrm(schema: 'migrated' | 'empty' = 'migrated'): TestOrm {
  let db: TestDatabase;
  const testOrm = {} as TestOrm;

  beforeAll(async () => {
    db = schema === 'empty' ? await createEmptyTestDatabase() : await createTestDatabase();
    testOrm.orm = await openTestOrm(db.url);
    testOrm.sessions = createSessionFactory(testOrm.orm);
  });
  afterAll(async () => {
    await testOrm.orm.close(true);
    await db.drop();
  });
  return testOrm;
}
