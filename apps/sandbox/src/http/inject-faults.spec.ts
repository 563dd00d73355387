import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOneCClient, ExternalSystemError, type OneCClient } from '@hub/integrations';
import { stillPending, waitFor, within } from '@hub/test-kit';
import { createSandboxApp, DEMO_WAREHOUSE_IDS } from '../app';
import { serveSandbox, type ServedSandbox } from '../testing/serve-sandbox';
import { DEFAULT_AUTH } from '../testing/basic-auth';
import { FaultPlan, sandboxFaultSchema } from '../state/fault-plan';
import { injectFaults } from './inject-faults';
import { moySkladFaultAnswer } from '../moysklad/ms-http';

let sandbox: ServedSandbox;
let client: OneCClient;
beforeAll(async () => {
  sandbox = await serveSandbox();
  client = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 2_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const failureOf = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => error as ExternalSystemError,
  );
const ORDER = {
  hubOrderId: '3c2e9f74-0f61-4d5c-9a43-7b8c9d0e1f2a',
  sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
  targetWarehouseId: DEMO_WAREHOUSE_IDS.storeTverskaya,
  lines: [{ productId: '0c6f0002-5a2e-11ee-8c99-0242ac120002', sku: 'SKU-0002', quantity: 54 }],
};

describe('sandbox fault injection, seen through the 1С client', () => {
  it('answers 503 with Retry-After for the requested number of calls, then recovers', async () => {
    await sandbox.injectFault({ status: 503, retryAfterSeconds: 2, times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await failureOf(client.listWarehouses())).toMatchObject({ status: 503, code: 'http_5xx', retryable: true, retryAfterMs: 2000 });
    }
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
  });

  it('answers 429 before checking credentials, as a busy gateway would', async () => {
    await sandbox.injectFault({ status: 429, retryAfterSeconds: 1 });
    const wrong = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'nope' });
    expect(await failureOf(wrong.listWarehouses())).toMatchObject({ code: 'http_429', retryAfterMs: 1000 });
  });

  it("fails only the requests under the fault's path, leaving the others untouched", async () => {
    await sandbox.injectFault({ status: 503, path: '/transfer-orders' });
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
    expect(await failureOf(client.listOpenTransferOrders())).toMatchObject({ status: 503, code: 'http_5xx' });
    await expect(client.listOpenTransferOrders()).resolves.toEqual([]);
  });

  it('leaves 1С alone when the fault is for МойСклад, and keeps it queued for МойСклад', async () => {
    await sandbox.injectFault({ system: 'moysklad', status: 503 });
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
    expect(sandbox.state.faults.pending()).toMatchObject([{ system: 'moysklad', status: 503, times: 1 }]);
  });

  it('delays answers so a short client timeout fires', async () => {
    await sandbox.injectFault({ latencyMs: 500 });
    const impatient = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 100 });
    expect(await failureOf(impatient.listWarehouses())).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('holds a request under a latency fault until the faults are cleared, then answers it', async () => {
    await sandbox.injectFault({ latencyMs: 60_000 });
    const patient = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 30_000 });
    const listed = patient.listWarehouses();
    // The fault is recorded when the request arrives, before its wait.
    await waitFor(() => (sandbox.state.faults.injected().length > 0 ? true : undefined), 10_000, 'the request never reached the sandbox');
    expect(await stillPending(listed), 'answered while the latency fault held it').toBe(true);
    await sandbox.clearFaults();
    expect(await within(listed, 'clearing the faults did not let the held request go', 10_000)).toHaveLength(4);
  });

  it('drops the connection before handling: the caller gets a network error and nothing is created', async () => {
    await sandbox.injectFault({ drop: 'before_handling' });
    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' }))).toMatchObject({ code: 'network', retryable: true });
    expect(sandbox.state.transferOrders.documents).toEqual([]);
  });

  it('drops the answer after creating the order: the retry with the same key is a replay, not a second document', async () => {
    await sandbox.injectFault({ drop: 'after_handling' });
    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' }))).toMatchObject({ code: 'network' });
    const retried = await client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' });
    expect(retried.replayed).toBe(true);
    expect(sandbox.state.transferOrders.summary()).toMatchObject({ requests: 2, duplicates: 1, documents: [{ id: retried.order.id }] });
  });
});

describe('rate-based faults', () => {
  /** Which of `count` warehouse lists failed (true) with the faults in force. */
  async function failurePattern(count: number): Promise<boolean[]> {
    const pattern: boolean[] = [];
    for (let call = 0; call < count; call += 1) pattern.push((await failureOf(client.listWarehouses())) !== undefined);
    return pattern;
  }

  it('fails that share of all requests until cleared, the same requests for the same seed', async () => {
    await sandbox.injectFault({ status: 503, ratePercent: 30, seed: 7 });
    const first = await failurePattern(100);
    const failed = first.filter(Boolean).length;
    expect(failed).toBeGreaterThan(15);
    expect(failed).toBeLessThan(45);

    sandbox.state.reset();
    await sandbox.injectFault({ status: 503, ratePercent: 30, seed: 7 });
    expect(await failurePattern(100)).toEqual(first);

    await sandbox.clearFaults();
    expect(await failurePattern(20)).toEqual(Array.from({ length: 20 }, () => false));
  });

  it('lets queued faults go first, and lists every applied fault with the delivery it hit', async () => {
    await sandbox.injectFault({ status: 503, ratePercent: 100 });
    await sandbox.injectFault({ status: 429, retryAfterSeconds: 3, path: '/transfer-orders' });

    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-9' }))).toMatchObject({ status: 429, retryAfterMs: 3_000 });
    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-9' }))).toMatchObject({ status: 503 });

    const report = await sandbox.faults();
    expect(report.pending).toEqual([]);
    expect(report.active).toMatchObject([{ status: 503, ratePercent: 100 }]);
    expect(report.injected).toMatchObject([
      { system: 'one_c', method: 'POST', path: '/transfer-orders', idempotencyKey: 'evt-9', status: 429, retryAfterSeconds: 3 },
      { system: 'one_c', method: 'POST', path: '/transfer-orders', idempotencyKey: 'evt-9', status: 503 },
    ]);
    expect(sandbox.state.transferOrders.documents).toEqual([]);
  });

  it("names a МойСклад 429's wait in МойСклад's own header only", async () => {
    const plan = new FaultPlan();
    plan.add(sandboxFaultSchema.parse({ system: 'moysklad', status: 429, retryAfterSeconds: 2, ratePercent: 100 }));
    const moysklad = new Hono()
      .use(injectFaults(plan, 'moysklad', '/api/remap/1.2', moySkladFaultAnswer))
      .get('/api/remap/1.2/entity/store', (c) => c.json({ rows: [] }));

    const response = await moysklad.request('http://localhost/api/remap/1.2/entity/store');

    expect(response.status).toBe(429);
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'x-lognex-retry-after': '2000', 'x-ratelimit-remaining': '0' });
    expect(response.headers.get('retry-after')).toBeNull();
  });
});

describe('POST /__sandbox/faults', () => {
  it('refuses a fault it cannot inject with a 422 naming the field', async () => {
    const { app } = createSandboxApp();
    const cases: [unknown, string][] = [
      [{ status: 404 }, 'status'],
      [{ status: 503, drop: 'after_handling' }, 'drop'],
      [{ drop: 'sometimes' }, 'drop'],
      [{ times: 0 }, 'times'],
      [{ status: 503, path: 'transfer-orders' }, 'path'],
      [{ status: 503, times: 2, ratePercent: 30 }, 'times'],
      [{ status: 503, ratePercent: 0 }, 'ratePercent'],
      [{ status: 503, ratePercent: 101 }, 'ratePercent'],
    ];
    for (const [body, field] of cases) {
      const response = await app.request('http://localhost/__sandbox/faults', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(new RegExp(`^${field}: `)) } });
    }
  });

  it('forgets queued faults on DELETE and on reset', async () => {
    const { app } = createSandboxApp();
    const auth = { authorization: DEFAULT_AUTH };
    await app.request('http://localhost/__sandbox/faults', { method: 'POST', body: JSON.stringify({ status: 500, times: 5 }) });
    await app.request('http://localhost/__sandbox/faults', { method: 'DELETE' });
    expect((await app.request('http://localhost/hs/integrationapi/v1/warehouses', { headers: auth })).status).toBe(200);
    await app.request('http://localhost/__sandbox/faults', { method: 'POST', body: JSON.stringify({ status: 500 }) });
    await app.request('http://localhost/__sandbox/reset', { method: 'POST' });
    expect((await app.request('http://localhost/hs/integrationapi/v1/warehouses', { headers: auth })).status).toBe(200);
  });
});
