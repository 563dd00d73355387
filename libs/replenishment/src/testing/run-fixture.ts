/** Test support: a cloned database with an ORM and a LoggerService writing to it, and the 1С sandbox. */
import { afterAll, beforeAll } from 'vitest';
import { openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';

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
