import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOneCClient, ExternalSystemError, type OneCClient } from '@hub/integrations';
import { DEMO_WAREHOUSE_IDS } from './app';
import { serveSandbox, type ServedSandbox } from './testing/serve-sandbox';

/** The 1С client against the real sandbox over HTTP on 127.0.0.1. */
let sandbox: ServedSandbox;
let baseUrl = '';
let client: OneCClient;

beforeAll(async () => {
  sandbox = await serveSandbox({ username: 'hub', password: 'sandbox-secret' });
  baseUrl = sandbox.baseUrl;
  client = createOneCClient({ baseUrl, username: 'hub', password: 'sandbox-secret', timeoutMs: 5_000 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.state.reset());

const order = (hubOrderId: string, quantity: number) => ({
  hubOrderId,
  sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
  targetWarehouseId: DEMO_WAREHOUSE_IDS.storeKazan,
  comment: 'replenishment run',
  lines: [{ productId: '0c6f0003-5a2e-11ee-8c99-0242ac120002', sku: 'SKU-0003', quantity }],
});

describe('1С client against the sandbox', () => {
  it('lists the four warehouses', async () => {
    const warehouses = await client.listWarehouses();
    expect(warehouses.map((w) => w.id)).toEqual(Object.values(DEMO_WAREHOUSE_IDS));
  });

  it('reads stock and replenishment settings of a store', async () => {
    const stock = await client.getStock(DEMO_WAREHOUSE_IDS.storeKazan);
    const settings = await client.getReplenishmentSettings(DEMO_WAREHOUSE_IDS.storeKazan);
    expect(stock).toHaveLength(30);
    expect(stock[0]).toEqual({ productId: expect.any(String), sku: 'SKU-0001', name: 'Молоко 3,2% 1 л', unit: 'шт', onHand: 8, reserved: 0 });
    expect(settings.find((s) => s.sku === 'SKU-0001')).toMatchObject({ min: 24, max: 96, multiple: 6 });
  });

  it('creates a transfer order once per key and reports the replay', async () => {
    const first = await client.createTransferOrder(order('1e0c7a52-8d4f-4b3a-9e21-5f6a7b8c9d0e', 36), { idempotencyKey: 'evt-1' });
    const again = await client.createTransferOrder(order('1e0c7a52-8d4f-4b3a-9e21-5f6a7b8c9d0e', 36), { idempotencyKey: 'evt-1' });
    expect(first).toMatchObject({ replayed: false, order: { number: 'ПМ-000001', status: 'approved' } });
    expect(again).toEqual({ replayed: true, order: first.order });
    expect(sandbox.state.transferOrders.summary()).toMatchObject({ documents: [{ idempotencyKey: 'evt-1' }], requests: 2, duplicates: 1 });
  });

  it('turns a reused key with another body into a non-retryable conflict', async () => {
    await client.createTransferOrder(order('1e0c7a52-8d4f-4b3a-9e21-5f6a7b8c9d0e', 36), { idempotencyKey: 'evt-1' });
    const error = await client.createTransferOrder(order('1e0c7a52-8d4f-4b3a-9e21-5f6a7b8c9d0e', 12), { idempotencyKey: 'evt-1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalSystemError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', retryable: false });
  });

  it('lists open transfer orders until they are received', async () => {
    const { order: created } = await client.createTransferOrder(order('2b1d8e63-9e50-4c4b-8f32-6a7b8c9d0e1f', 24), { idempotencyKey: 'evt-2' });
    expect(await client.listOpenTransferOrders()).toEqual([created]);
    await fetch(`${baseUrl}/__sandbox/transfer-orders/${created.id}/receive`, { method: 'POST' });
    expect(await client.listOpenTransferOrders()).toEqual([]);
  });

  it('reads one transfer order in its current status, and null for an id 1С does not know', async () => {
    const { order: created } = await client.createTransferOrder(order('3c2e9f74-0f61-4d5c-9a43-7b8c9d0e1f2a', 12), { idempotencyKey: 'evt-3' });
    await fetch(`${baseUrl}/__sandbox/transfer-orders/${created.id}/cancel`, { method: 'POST' });
    expect(await client.getTransferOrder(created.id)).toEqual({ ...created, status: 'cancelled' });
    expect(await client.getTransferOrder('no-such-order')).toBeNull();
  });

  it('reports an unknown warehouse as a final http_404', async () => {
    const error = await client.getStock('no-such-warehouse').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'http_404', retryable: false });
  });

  it('fails wrong credentials with a non-retryable http_401 that does not show the password', async () => {
    const wrong = createOneCClient({ baseUrl, username: 'hub', password: 'wrong-password-123' });
    const error = await wrong.listWarehouses().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExternalSystemError);
    expect(error).toMatchObject({ system: '1c', status: 401, code: 'http_401', retryable: false });
    const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(shown).not.toContain('wrong-password-123');
    expect(shown).not.toContain(Buffer.from('hub:wrong-password-123').toString('base64'));
  });
});
