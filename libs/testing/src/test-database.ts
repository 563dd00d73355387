import { createOrmOptions, MikroORM } from '@hub/db';
import { inject } from 'vitest';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './server';

/** What libs/testing/src/global-setup.ts provides to every test file. */
declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    templateDatabase: string;
  }
}

export interface TestDatabase {
  /** Connection URL of this test's own database. */
  url: string;
  /** The server's URL (maintenance database), for tests that make more databases. */
  serverUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template; drop it in `afterAll`. */
export async function createTestDatabase(prefix = 'hub_test'): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(serverUrl, name, inject('templateDatabase'));
  return { url, serverUrl, name, drop: () => dropDatabase(serverUrl, name) };
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export async function createEmptyTestDatabase(prefix = 'hub_test_empty'): Promise<TestDatabase> {
  const serverUrl = inject('testServerUrl');
  const name = uniqueDatabaseName(prefix);
  const url = await createDatabase(serverUrl, name);
  return { url, serverUrl, name, drop: () => dropDatabase(serverUrl, name) };
}

/** A MikroORM instance on `url` with the app's own options. Close with `orm.close(true)`. */
export function openTestOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(createOrmOptions(url, { pool: { min: 0, max: 4 } }));
}
