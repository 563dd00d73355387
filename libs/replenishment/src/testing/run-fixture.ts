/** Test support: a cloned database with an ORM and a LoggerService writing to it, and the 1С sandbox. */
import { afterAll, beforeAll } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';
import { CatalogStore, type CatalogSyncResult } from '../catalog/sync-catalog';
import type { SnapshotObserver } from '../snapshot/planning-snapshot';

export type RunFixture = LoggedTestDatabase;

export function openRunFixture(): Promise<RunFixture> {
  return openLoggedTestDatabase('hub_test_replenishment', 'replenishment');
}

/** What a run spec works against; both set in `beforeAll`. */
export interface RunEnvironment {
  fx: RunFixture;
  sandbox: SandboxProcess;
}

/**
 * Registers `beforeAll`/`afterAll` hooks that open a run fixture and start the sandbox as a
 * process, then stop and close both. Read the fields inside hooks and tests only.
 */
export function useRunEnvironment(): RunEnvironment {
  const env = {} as RunEnvironment;
  beforeAll(async () => {
    [env.fx, env.sandbox] = await Promise.all([openRunFixture(), startSandboxProcess()]);
  });
  afterAll(async () => {
    await env.sandbox?.stop();
    await env.fx?.close();
  });
  return env;
}

/** Stores 1С's catalogue as a run does while reading a snapshot (CatalogStore), and hands `stored` what it holds. */
export function catalogStoredWhileRead(
  sessions: SessionFactory,
  stored: (result: CatalogSyncResult) => void = () => undefined,
): Pick<SnapshotObserver, 'settingsAnswered' | 'catalogRead'> {
  const store = new CatalogStore(sessions);
  return {
    settingsAnswered: (catalog, warehouse, from, to) => store.add(catalog, warehouse, from, to),
    catalogRead: async (catalog) => stored(await store.finish(catalog)),
  };
}
