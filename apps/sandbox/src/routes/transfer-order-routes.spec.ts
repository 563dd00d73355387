import { beforeEach, describe, expect, it } from 'vitest';
import { ONE_C_API_PREFIX, type OneCCreateTransferOrder } from '@hub/integrations';
import { createSandboxApp, DEMO_WAREHOUSE_IDS } from '../app';
import { DEFAULT_AUTH as AUTH } from '../testing/basic-auth';

const MILK = { productId: '0c6f0001-5a2e-11ee-8c99-0242ac120002', sku: 'SKU-0001' };
const ORDER: OneCCreateTransferOrder = {
  hubOrderId: '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b',
  sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
  targetWarehouseId: DEMO_WAREHOUSE_IDS.storeNevsky,
  lines: [{ ...MILK, quantity: 96 }],
};

let sandbox = createSandboxApp();
beforeEach(() => {
  sandbox = createSandboxApp();
});

function post(body: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = { authorization: AUTH, 'content-type': 'application/json' };
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return sandbox.app.request(`http://localhost${ONE_C_API_PREFIX}/transfer-orders`, { method: 'POST', headers, body: text });
}
const control = async () =>
  (await (await sandbox.app.request('http://localhost/__sandbox/transfer-orders')).json()) as {
    documents: { id: string; idempotencyKey: string }[];
    requests: number;
    duplicates: number;
  };
const listOrders = async (status: string) =>
  sandbox.app.request(`http://localhost${ONE_C_API_PREFIX}/transfer-orders?status=${status}`, { headers: { authorization: AUTH } });
const milkOnHand = (warehouseId: string) => sandbox.state.stockOf(warehouseId).find((item) => item.productId === MILK.productId)?.onHand;

describe('POST /transfer-orders: one document per Idempotency-Key', () => {
  it('creates an approved, numbered order with 201', async () => {
    const response = await post(ORDER, 'event-1');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ number: 'ПМ-000001', status: 'approved', hubOrderId: ORDER.hubOrderId, lines: ORDER.lines });
    expect(await control()).toMatchObject({ requests: 1, duplicates: 0, documents: [{ idempotencyKey: 'event-1' }] });
  });

  it('returns the same order with 200 for a replay, and counts it as a duplicate', async () => {
    const first = await (await post(ORDER, 'event-1')).json();
    const replay = await post(ORDER, 'event-1');
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(first);
    const { documents, requests, duplicates } = await control();
    expect({ documents: documents.length, requests, duplicates }).toEqual({ documents: 1, requests: 2, duplicates: 1 });
  });

  it('refuses the same key with a different body with 409, creating nothing', async () => {
    await post(ORDER, 'event-1');
    const changed = await post({ ...ORDER, lines: [{ ...MILK, quantity: 6 }] }, 'event-1');
    expect(changed.status).toBe(409);
    expect(await changed.json()).toMatchObject({ error: { code: 'idempotency_conflict', message: expect.stringContaining('ПМ-000001') } });
    expect((await control()).documents).toHaveLength(1);
  });

  it('numbers orders with different keys one after another', async () => {
    await post(ORDER, 'event-1');
    const second = await post({ ...ORDER, hubOrderId: '7a2e3d4c-5b6a-4f70-8b9c-0d1e2f3a4b5c' }, 'event-2');
    expect(await second.json()).toMatchObject({ number: 'ПМ-000002' });
  });

  it('requires the Idempotency-Key header (400), and still records the attempt', async () => {
    for (const key of [undefined, '   ']) {
      const response = await post(ORDER, key);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'missing_idempotency_key', message: expect.stringContaining('Idempotency-Key') } });
    }
    expect(await control()).toMatchObject({ documents: [], requests: 2 });
  });

  it('names the wrong field in a 422', async () => {
    const cases: [unknown, string][] = [
      [{ ...ORDER, lines: [{ ...MILK, quantity: 0 }] }, 'lines.0.quantity'],
      [{ ...ORDER, hubOrderId: 'x' }, 'hubOrderId'],
      [{ ...ORDER, lines: [] }, 'lines'],
      [{ ...ORDER, sourceWarehouseId: 'no-such-warehouse' }, 'sourceWarehouseId: unknown warehouse'],
      [{ ...ORDER, targetWarehouseId: ORDER.sourceWarehouseId }, 'targetWarehouseId: must differ'],
      [{ ...ORDER, lines: [{ ...MILK, productId: 'no-such-product', quantity: 6 }] }, 'lines.0.productId: unknown product'],
    ];
    for (const [body, field] of cases) {
      const response = await post(body, 'event-x');
      expect(response.status, field).toBe(422);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('validation_failed');
      expect(error.message.startsWith(field), `${error.message} should start with ${field}`).toBe(true);
    }
    expect((await control()).documents).toEqual([]);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await post('{"hubOrderId":', 'event-1');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: 'body: not valid JSON' } });
  });
});

describe('open orders, receiving and reset', () => {
  it('lists an order as open until it is received, and then moves the stock', async () => {
    const { id } = (await (await post(ORDER, 'event-1')).json()) as { id: string };
    const dcBefore = milkOnHand(DEMO_WAREHOUSE_IDS.distributionCentre) ?? 0;
    const storeBefore = milkOnHand(DEMO_WAREHOUSE_IDS.storeNevsky) ?? 0;
    expect(await (await listOrders('open')).json()).toMatchObject({ items: [{ id }] });

    const received = await sandbox.app.request(`http://localhost/__sandbox/transfer-orders/${id}/receive`, { method: 'POST' });
    expect(received.status).toBe(200);
    expect(await (await listOrders('open')).json()).toEqual({ items: [] });
    expect(await (await listOrders('received')).json()).toMatchObject({ items: [{ id, status: 'received' }] });
    expect(milkOnHand(DEMO_WAREHOUSE_IDS.distributionCentre)).toBe(dcBefore - 96);
    expect(milkOnHand(DEMO_WAREHOUSE_IDS.storeNevsky)).toBe(storeBefore + 96);

    const again = await sandbox.app.request(`http://localhost/__sandbox/transfer-orders/${id}/receive`, { method: 'POST' });
    expect(again.status).toBe(409);
    const unknown = await sandbox.app.request('http://localhost/__sandbox/transfer-orders/nope/receive', { method: 'POST' });
    expect(unknown.status).toBe(404);
  });

  it('refuses an unknown status filter with 422', async () => {
    const response = await listOrders('lost');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(/^status: /) } });
  });

  it('forgets orders and restores the seeded stock on reset', async () => {
    const { id } = (await (await post(ORDER, 'event-1')).json()) as { id: string };
    const seeded = milkOnHand(DEMO_WAREHOUSE_IDS.storeNevsky);
    await sandbox.app.request(`http://localhost/__sandbox/transfer-orders/${id}/receive`, { method: 'POST' });
    expect((await sandbox.app.request('http://localhost/__sandbox/reset', { method: 'POST' })).status).toBe(200);
    expect(await control()).toEqual({ documents: [], requests: 0, duplicates: 0, conflicts: 0, rejected: 0 });
    expect(milkOnHand(DEMO_WAREHOUSE_IDS.storeNevsky)).toBe(seeded);
    expect((await post(ORDER, 'event-1')).status).toBe(201);
  });
});
