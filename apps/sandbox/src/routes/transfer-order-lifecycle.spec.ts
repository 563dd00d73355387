import { beforeEach, describe, expect, it } from 'vitest';
import { ONE_C_API_PREFIX, type OneCCreateTransferOrder } from '@hub/integrations';
import { createSandboxApp, DEMO_WAREHOUSE_IDS } from '../app';
import { DEFAULT_AUTH as AUTH } from '../testing/basic-auth';

const KEFIR = { productId: '0c6f0002-5a2e-11ee-8c99-0242ac120002', sku: 'SKU-0002' };
const ORDER: OneCCreateTransferOrder = {
  hubOrderId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c',
  sourceWarehouseId: DEMO_WAREHOUSE_IDS.distributionCentre,
  targetWarehouseId: DEMO_WAREHOUSE_IDS.storeKazan,
  lines: [{ ...KEFIR, quantity: 60 }],
};

let sandbox = createSandboxApp();
beforeEach(() => {
  sandbox = createSandboxApp();
});

const api = (path: string, init: RequestInit = {}) =>
  sandbox.app.request(`http://localhost${ONE_C_API_PREFIX}${path}`, { ...init, headers: { authorization: AUTH, ...init.headers } });
const control = (path: string, body?: unknown) =>
  sandbox.app.request(`http://localhost/__sandbox${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
const kefirOnHand = (warehouseId: string) => sandbox.state.stockOf(warehouseId).find((item) => item.productId === KEFIR.productId)?.onHand;

async function createOrder(): Promise<string> {
  const response = await api('/transfer-orders', { method: 'POST', headers: { 'idempotency-key': 'event-1' }, body: JSON.stringify(ORDER) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('GET /transfer-orders/:id', () => {
  it('answers the order in its current status, open or closed', async () => {
    const id = await createOrder();
    expect(await (await api(`/transfer-orders/${id}`)).json()).toMatchObject({ id, status: 'approved', hubOrderId: ORDER.hubOrderId, lines: ORDER.lines });
    await control(`/transfer-orders/${id}/receive`);
    const received = await api(`/transfer-orders/${id}`);
    expect(received.status).toBe(200);
    expect(await received.json()).toMatchObject({ id, status: 'received' });
  });

  it('answers an unknown id with a JSON 404, and a caller without credentials with 401', async () => {
    const unknown = await api('/transfer-orders/no-such-order');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'not_found', message: 'transfer order no-such-order does not exist' } });
    const id = await createOrder();
    const anonymous = await sandbox.app.request(`http://localhost${ONE_C_API_PREFIX}/transfer-orders/${id}`);
    expect(anonymous.status).toBe(401);
  });
});

describe('POST /__sandbox/transfer-orders/:id/cancel', () => {
  it('cancels an open order without moving stock; it is no longer open', async () => {
    const id = await createOrder();
    const before = [kefirOnHand(DEMO_WAREHOUSE_IDS.distributionCentre), kefirOnHand(DEMO_WAREHOUSE_IDS.storeKazan)];
    const cancelled = await control(`/transfer-orders/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ id, status: 'cancelled' });
    expect([kefirOnHand(DEMO_WAREHOUSE_IDS.distributionCentre), kefirOnHand(DEMO_WAREHOUSE_IDS.storeKazan)]).toEqual(before);
    expect(await (await api('/transfer-orders?status=open')).json()).toEqual({ items: [] });
    expect(await (await api(`/transfer-orders/${id}`)).json()).toMatchObject({ status: 'cancelled' });
  });

  it('refuses to close an order twice (409) or one that does not exist (404)', async () => {
    const id = await createOrder();
    await control(`/transfer-orders/${id}/cancel`);
    const again = await control(`/transfer-orders/${id}/receive`);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'already_closed', message: 'transfer order ПМ-000001 is already cancelled' } });
    expect((await control('/transfer-orders/nope/cancel')).status).toBe(404);
  });
});

describe('POST /__sandbox/warehouses/:warehouseId/sales', () => {
  it('lowers the on-hand by the quantity sold', async () => {
    const before = kefirOnHand(DEMO_WAREHOUSE_IDS.distributionCentre) ?? 0;
    const sold = await control(`/warehouses/${DEMO_WAREHOUSE_IDS.distributionCentre}/sales`, { productId: KEFIR.productId, quantity: 10 });
    expect(sold.status).toBe(200);
    expect(await sold.json()).toEqual({ warehouseId: DEMO_WAREHOUSE_IDS.distributionCentre, productId: KEFIR.productId, onHand: before - 10 });
    expect(kefirOnHand(DEMO_WAREHOUSE_IDS.distributionCentre)).toBe(before - 10);
  });

  it('refuses more than the free stock, unknown ids and a malformed body, selling nothing', async () => {
    const store = DEMO_WAREHOUSE_IDS.storeKazan;
    const before = kefirOnHand(store) ?? 0;
    const cases: [string, unknown, number, string][] = [
      [store, { productId: KEFIR.productId, quantity: before + 1 }, 422, `quantity: only ${before} free to sell`],
      ['no-such-warehouse', { productId: KEFIR.productId, quantity: 1 }, 404, 'warehouse no-such-warehouse does not exist'],
      [store, { productId: 'no-such-product', quantity: 1 }, 404, 'product no-such-product does not exist'],
      [store, { productId: KEFIR.productId, quantity: 0 }, 422, 'quantity: '],
    ];
    for (const [warehouseId, body, status, message] of cases) {
      const response = await control(`/warehouses/${warehouseId}/sales`, body);
      expect(response.status, message).toBe(status);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message.startsWith(message), `${error.message} should start with ${message}`).toBe(true);
    }
    expect(kefirOnHand(store)).toBe(before);
  });
});
