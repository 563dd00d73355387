import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client } from 'pg';
import {
  createTestDatabase,
  startApiProcess,
  startSandboxProcess,
  stillPending,
  waitFor,
  within,
  type ApiProcess,
  type SandboxProcess,
  type TestDatabase,
} from '@hub/testing';

/** Longer than any test here: the run's first 1С call is held until the test clears the faults. */
const HOLD_ONE_C = { latencyMs: 60_000, times: 1 };
const STOPPING = 'api stopping: no new requests, waiting for runs in progress';

describe('the API process at SIGTERM', () => {
  let db: TestDatabase;
  let sandbox: SandboxProcess;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
  });
  // A database per test: the grace test leaves its run 'running', which would refuse the next test's trigger.
  beforeEach(async () => {
    db = await createTestDatabase('hub_test_api_shutdown');
  });
  afterEach(async () => {
    await api?.stop();
    await Promise.all([sandbox.clearFaults(), db.drop()]);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  /** The run's status as the database has it now. */
  const runStatus = async (runId: string): Promise<string | undefined> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<{ status: string }>('select status from replenishment_runs where id = $1', [runId])).rows[0]?.status;
    } finally {
      await client.end();
    }
  };

  /** Starts the API, then a run whose first 1С call the sandbox holds; resolves once the run is running and held. */
  const startHeldRun = async (env: Record<string, string> = {}): Promise<{ api: ApiProcess; runId: string }> => {
    // The client must not give up on the held call by itself: the test decides when it ends.
    api = await startApiProcess({ databaseUrl: db.url, oneCBaseUrl: sandbox.baseUrl, env: { ONEC_TIMEOUT_MS: '90000', ...env } });
    await sandbox.injectFault(HOLD_ONE_C);
    const response = await fetch(`${api.url}/api/v1/trigger/internal-replenishment`, { method: 'POST' });
    expect(response.status).toBe(202);
    const { run_id: runId } = (await response.json()) as { run_id: string };
    await waitFor(
      async () => ((await runStatus(runId)) === 'running' && (await sandbox.injectedFaults()).length === 1 ? true : undefined),
      15_000,
      async () =>
        `run ${runId} never got to 1С's held call: status ${await runStatus(runId)}, faults applied ${JSON.stringify(await sandbox.injectedFaults())}`,
    );
    return { api, runId };
  };

  it('refuses new requests, lets the run in progress finish, then closes the database and exits 0', async () => {
    const { api, runId } = await startHeldRun();

    api.signal('SIGTERM');
    expect(await api.logged(STOPPING)).toMatchObject({ runsInProgress: 1 });
    await waitFor(
      () =>
        fetch(`${api.url}/health`).then(
          () => undefined,
          () => true,
        ),
      15_000,
      'the API still took new requests after SIGTERM',
    );
    expect(await stillPending(api.ended), 'the API ended while its run was held').toBe(true);
    expect(await runStatus(runId)).toBe('running');

    await sandbox.clearFaults();
    const { code } = await within(api.ended, 'the API never exited after its run was let go', 30_000);

    expect(code).toBe(0);
    // The process is gone, so this is how it left the row: the run finished before the database was closed.
    expect(await runStatus(runId)).toBe('succeeded');
    // After the stop began: the run's own last line, then the API's, and no word of giving up on it.
    const messages = api.lines().map((line) => String(line['msg']));
    const milestones = /^(Replenishment run succeeded|api stopped|runs still in progress)/;
    expect(messages.slice(messages.indexOf(STOPPING)).filter((message) => milestones.test(message))).toEqual(['Replenishment run succeeded', 'api stopped']);
  });

  it('gives up on the run after API_SHUTDOWN_GRACE_MS, says so, leaves it running and exits 0', async () => {
    const { api, runId } = await startHeldRun({ API_SHUTDOWN_GRACE_MS: '200' });

    api.signal('SIGTERM');
    // The run stays held throughout: only the grace can end the wait.
    const { code } = await within(api.ended, 'the API did not stop once its 200 ms grace was over', 20_000);

    expect(code).toBe(0);
    expect(api.lines()).toContainEqual(
      expect.objectContaining({ level: 'WARNING', runsInProgress: 1, msg: expect.stringMatching(/^runs still in progress after 200 ms/) }),
    );
    expect(api.lines().at(-1)).toMatchObject({ msg: 'api stopped' });
    expect(await runStatus(runId)).toBe('running');
  });
});
