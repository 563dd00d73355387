/** Test support: the API over a cloned database, with LoggerService writing to it. */
import type { OneCClient } from '@hub/integrations';
import type { RunOutcome } from '@hub/replenishment';
import { openLoggedTestDatabase, startSandboxProcess, type LoggedTestDatabase, type SandboxProcess } from '@hub/testing';
import { afterAll, beforeAll } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../app';
import { checkAnswersAgainstDocument } from './openapi-conformance';

export interface ApiFixture extends LoggedTestDatabase {
  app: OpenAPIHono;
  /** Completions of the runs the app started, in order. */
  runs: Promise<RunOutcome>[];
}

export async function openApiFixture(oneC: OneCClient, options: { apiToken?: string; readsNeedToken?: boolean } = {}): Promise<ApiFixture> {
  const database = await openLoggedTestDatabase('hub_test_api', 'api');
  const { sessions, logger } = database;
  const runs: Promise<RunOutcome>[] = [];
  const app = createApp({ sessions, oneC, logger, apiToken: options.apiToken, readsNeedToken: options.readsNeedToken, onRunStarted: (run) => runs.push(run) });
  // Every answer a spec receives through the fixture is checked against the document.
  checkAnswersAgainstDocument(app);
  return {
    ...database,
    app,
    runs,
    close: async () => {
      // A run still writing would hold connections the drop has to wait for.
      await Promise.all(runs);
      await database.close();
    },
  };
}

/** Inserts a warehouse, so a trigger can name a known one without a 1С sync. */
export async function insertWarehouse(fx: ApiFixture, id: string, code: string): Promise<void> {
  await fx.query(`insert into warehouses (id, external_id, code, name) values (?::uuid, ?, ?, ?)`, [id, `1c-${code}`, code, `Warehouse ${code}`]);
}

/** The API over a cloned database and a sandbox process; read the fields inside tests only. */
export interface ApiWithSandbox {
  fx: ApiFixture;
  sandbox: SandboxProcess;
  /**
   * Waits for the runs the app started, then empties the database and resets the sandbox:
   * for a `beforeEach`, so every test starts from nothing synced, no run, no fault.
   */
  reset(): Promise<void>;
}

/** Registers beforeAll/afterAll hooks that start a sandbox and the API on it, and stop both. */
export function useApiWithSandbox(): ApiWithSandbox {
  const env = {} as ApiWithSandbox;
  beforeAll(async () => {
    env.sandbox = await startSandboxProcess();
    env.fx = await openApiFixture(env.sandbox.oneC);
  });
  afterAll(async () => {
    // Either may be missing when beforeAll failed; the other is still cleaned up.
    await env.fx?.close();
    await env.sandbox?.stop();
  });
  env.reset = async () => {
    // A run still writing would race the truncation.
    await Promise.all(env.fx.runs);
    await Promise.all([env.fx.emptyTables(), env.sandbox.reset()]);
  };
  return env;
}
