import { randomUUID } from 'node:crypto';
import { ReplenishmentRun, TransferOrder, Warehouse, type MikroORM } from '@hub/db';
import type { OneCClient, OneCCreateTransferOrder } from '@hub/integrations';

/**
 * Creates two hub warehouses mirroring the first two 1С warehouses, a run and a pending
 * transfer order between them, and returns the order with the 1С create request for it
 * (one line of the first product the source warehouse stocks): the hub rows a
 * CREATE_1C_TRANSFER_ORDER event refers to.
 */
export async function createPendingTransferOrder(
  orm: MikroORM,
  oneC: Pick<OneCClient, 'listWarehouses' | 'getStock'>,
): Promise<{ orderId: string; request: OneCCreateTransferOrder }> {
  const [source, target] = await oneC.listWarehouses();
  if (!source || !target) throw new Error('the sandbox must offer at least two warehouses');
  const [item] = await oneC.getStock(source.id);
  if (!item) throw new Error(`the sandbox warehouse ${source.id} has no stock`);

  const orderId = randomUUID();
  await orm.em.fork().transactional(async (em) => {
    const mirror = (wh: { id: string; code: string; name: string }) =>
      em.upsert(Warehouse, { id: randomUUID(), externalId: wh.id, code: wh.code, name: wh.name }, { onConflictFields: ['externalId'] });
    const [sourceWarehouse, targetWarehouse] = [await mirror(source), await mirror(target)];
    const run = em.create(ReplenishmentRun, { id: randomUUID(), trigger: 'endpoint' });
    em.create(TransferOrder, { id: orderId, run, sourceWarehouse, targetWarehouse });
  });
  const request: OneCCreateTransferOrder = {
    hubOrderId: orderId,
    sourceWarehouseId: source.id,
    targetWarehouseId: target.id,
    lines: [{ productId: item.productId, sku: item.sku, quantity: 1 }],
  };
  return { orderId, request };
}
