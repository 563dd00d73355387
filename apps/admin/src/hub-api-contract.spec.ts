import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_ORDER } from '@hub/orders';
import { eventNamesOf } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import {
  openLoggedTestDatabase,
  startApiProcess,
  startSandboxProcess,
  waitFor,
  type ApiProcess,
  type LoggedTestDatabase,
  type SandboxProcess,
} from '@hub/testing';
import { createHubApi, type HubApi } from './hub-api';

/** Holds the run's first 1С call until the test lets it go: the run stays in progress meanwhile. */
const HOLD_ONE_C = { latencyMs: 60_000, times: 1 };

// The admin parses the API's answers with the API's own schemas (@hub/api-contract); here it reads the real API.
describe("the admin's API client against the real API process", () => {
  let sandbox: SandboxProcess;
  let database: LoggedTestDatabase;
  let api: ApiProcess;
  let hub: HubApi;

  beforeAll(async () => {
    [sandbox, database] = await Promise.all([startSandboxProcess(), openLoggedTestDatabase('hub_test_admin_contract', 'admin')]);
    api = await startApiProcess({ databaseUrl: database.db.url, oneCBaseUrl: sandbox.baseUrl, env: { ONEC_TIMEOUT_MS: '90000' } });
    hub = createHubApi({ baseUrl: api.url });
  });
  afterAll(async () => {
    await api?.stop();
    await sandbox?.stop();
    await database?.close();
  });

  const runStatus = async (runId: string) =>
    (await database.query<{ status: string }>('select status from replenishment_runs where id = ?::uuid', [runId]))[0]?.status;

  it('starts a run, hears that it is in progress, and lists the warehouses the run synced', async () => {
    await sandbox.injectFault(HOLD_ONE_C);
    const started = await hub.triggerReplenishment(undefined, 'anna');
    expect(started).toEqual({ kind: 'started', runId: expect.any(String) });
    const runId = started.kind === 'started' ? started.runId : '';
    const [recorded] = await database.query<{ started_by: string | null }>('select started_by from replenishment_runs where id = ?::uuid', [runId]);
    expect(recorded?.started_by).toBe('anna');
    await waitFor(async () => ((await runStatus(runId)) === 'running' ? true : undefined), 15_000, `run ${runId} never started`);
    expect(await hub.triggerReplenishment(undefined, 'anna')).toEqual({ kind: 'busy', runId });

    await sandbox.clearFaults();
    await waitFor(
      async () => ((await runStatus(runId)) === 'succeeded' ? true : undefined),
      30_000,
      async () => `run ${runId} ended ${await runStatus(runId)}`,
    );
    const warehouses = await hub.listWarehouses();
    expect(warehouses.kind).toBe('available');
    expect(warehouses.kind === 'available' ? warehouses.items.length : 0).toBeGreaterThan(0);
  });

  it('retries a dead event, and quotes the API when the event is no longer dead', async () => {
    const deadId = await seedOutboxEvent(database.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT });
    expect(await hub.retryOutboxEvent(deadId, 'anna')).toEqual({ kind: 'retried', aggregateReset: false });
    expect(await hub.retryOutboxEvent(deadId, 'anna')).toEqual({
      kind: 'refused',
      status: 409,
      message: `Outbox event ${deadId} is pending, not dead: only dead events can be retried by hand`,
    });
  });
});
