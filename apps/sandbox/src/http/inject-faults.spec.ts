import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOneCClient, ExternalSystemError, type OneCClient } from '@hub/integrations';
import { createSandboxApp, DEMO_WAREHOUSE_IDS, type SandboxFault } from '../app';
import { serveSandbox, type ServedSandbox } from '../testing/serve-sandbox';
import { DEFAULT_AUTH } from '../testing/basic-auth';

let sandbox: ServedSandbox;
let client: OneCClient;
beforeAll(async () => {
  sandbox = await serveSandbox();
  client = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 2_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

async function injectFault(fault: Partial<SandboxFault>): Promise<void> {
  const response = await fetch(`${sandbox.baseUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
  expect(response.status).toBe(201);
}
const failureOf = (call: Promise<unknown>) => call.then(() => undefined, (error: unknown) => error as ExternalSystemError);
const ORDER = {
  hubOrderId: '3c2e9f74-0f61-4d5c-9a43-7b8c9d0e1f2a',
  sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
  targetWarehouseId: DEMO_WAREHOUSE_IDS.storeTverskaya,
  lines: [{ productId: '0c6f0002-5a2e-11ee-8c99-0242ac120002', sku: 'SKU-0002', quantity: 54 }],
};

describe('sandbox fault injection, seen through the 1С client', () => {
  it('answers 503 with Retry-After for the requested number of calls, then recovers', async () => {
    await injectFault({ status: 503, retryAfterSeconds: 2, times: 2 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(await failureOf(client.listWarehouses())).toMatchObject({ status: 503, code: 'http_5xx', retryable: true, retryAfterMs: 2000 });
    }
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
  });

  it('answers 429 before checking credentials, as a busy gateway would', async () => {
    await injectFault({ status: 429, retryAfterSeconds: 1 });
    const wrong = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'nope' });
    expect(await failureOf(wrong.listWarehouses())).toMatchObject({ code: 'http_429', retryAfterMs: 1000 });
  });

  it('fails only the requests under the fault\'s path, leaving the others untouched', async () => {
    await injectFault({ status: 503, path: '/transfer-orders' });
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
    expect(await failureOf(client.listOpenTransferOrders())).toMatchObject({ status: 503, code: 'http_5xx' });
    await expect(client.listOpenTransferOrders()).resolves.toEqual([]);
  });

  it('leaves 1С alone when the fault is for МойСклад, and keeps it queued for МойСклад', async () => {
    await injectFault({ system: 'moysklad', status: 503 });
    await expect(client.listWarehouses()).resolves.toHaveLength(4);
    expect(sandbox.state.faults.pending()).toMatchObject([{ system: 'moysklad', status: 503, times: 1 }]);
  });

  it('delays answers so a short client timeout fires', async () => {
    await injectFault({ latencyMs: 500 });
    const impatient = createOneCClient({ baseUrl: sandbox.baseUrl, username: 'hub', password: 'hub-sandbox', timeoutMs: 100 });
    expect(await failureOf(impatient.listWarehouses())).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('drops the connection before handling: the caller gets a network error and nothing is created', async () => {
    await injectFault({ drop: 'before_handling' });
    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' }))).toMatchObject({ code: 'network', retryable: true });
    expect(sandbox.state.transferOrders.documents).toEqual([]);
  });

  it('drops the answer after creating the order: the retry with the same key is a replay, not a second document', async () => {
    await injectFault({ drop: 'after_handling' });
    expect(await failureOf(client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' }))).toMatchObject({ code: 'network' });
    const retried = await client.createTransferOrder(ORDER, { idempotencyKey: 'evt-1' });
    expect(retried.replayed).toBe(true);
    expect(sandbox.state.transferOrders.summary()).toMatchObject({ requests: 2, duplicates: 1, documents: [{ id: retried.order.id }] });
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
