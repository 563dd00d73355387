import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { latch, useTestOrm } from '@hub/testing';
import type { OutboxDispatch } from './dispatcher';
import { processOutboxBatch, type EventSettlement, type OutboxBatchResult } from './process-batch';
import { clearOutbox, readEvent, seedOutboxEvent, updateEvent } from './testing/outbox-rows';
import { createParcelsTable, insertParcel, parcelHooks, readParcel } from './testing/parcels';

/*
 * Replica A delivers an event but stalls (a long GC pause, a frozen VM) before recording it:
 * its lease runs out and replica B takes the event over. A's late record must change nothing,
 * so that the event and its parcel end as B's delivery left them, recorded once.
 */
describe('a lease lost after a successful delivery', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  const hooks = parcelHooks();

  /** Replica A's batch, whose handler lets `takeOver` run (after expiring A's lease) before it answers. */
  async function replicaA(takeOver: () => Promise<void>): Promise<{ result: OutboxBatchResult; settled: EventSettlement[] }> {
    const settled: EventSettlement[] = [];
    const deliver: OutboxDispatch = async (event) => {
      await updateEvent(sessions, event.id, "lease_expires_at = now() - interval '1 second'");
      await takeOver();
      return { responseRef: 'doc-a', outcome: { tracking: 'T-A' } };
    };
    const result = await processOutboxBatch({ sessions, owner: 'replica-a', dispatch: deliver, hooks, onSettled: (s) => void settled.push(s) });
    return { result, settled };
  }

  const replicaB = (dispatch: OutboxDispatch) => processOutboxBatch({ sessions, owner: 'replica-b', dispatch, hooks });
  const deliveredByB = { responseRef: 'doc-b', outcome: { tracking: 'T-B' } };

  beforeAll(async () => {
    sessions = database.sessions;
    await createParcelsTable(sessions);
  });
  beforeEach(() => clearOutbox(sessions));

  it('leaves the event to B when A records its delivery while B is still delivering it', async () => {
    const parcel = await insertParcel(sessions);
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel });
    const bClaimed = latch('replica B took the event over');
    const aSettled = latch('replica A settled its batch');
    let batchOfB: Promise<OutboxBatchResult> | undefined;

    const { result, settled } = await replicaA(async () => {
      batchOfB = replicaB(async () => {
        bClaimed.open();
        await aSettled.wait();
        return deliveredByB;
      });
      await bClaimed.wait();
    });

    expect(result).toEqual({ claimed: 1, delivered: 0, retried: 0, dead: 0, leaseLost: 1 });
    expect(settled).toEqual([{ event: expect.objectContaining({ id, leaseOwner: 'replica-a' }), status: 'lease_lost_after_delivery', responseRef: 'doc-a' }]);
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'in_flight', lease_owner: 'replica-b', attempts: 2, delivered: false, response_ref: null });
    expect(await readParcel(sessions, parcel)).toEqual({ state: 'pending', tracking: null, shipments: 0 });

    aSettled.open();
    expect(await batchOfB).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0 });
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'delivered', response_ref: 'doc-b', lease_owner: null, attempts: 2 });
    expect(await readParcel(sessions, parcel)).toEqual({ state: 'shipped', tracking: 'T-B', shipments: 1 });
  });

  it('does not record the delivery again when B already has', async () => {
    const parcel = await insertParcel(sessions);
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel });
    let resultOfB: OutboxBatchResult | undefined;

    const { result, settled } = await replicaA(async () => {
      resultOfB = await replicaB(async () => deliveredByB);
    });

    expect(resultOfB).toMatchObject({ claimed: 1, delivered: 1 });
    expect(result).toEqual({ claimed: 1, delivered: 0, retried: 0, dead: 0, leaseLost: 1 });
    expect(settled).toMatchObject([{ status: 'lease_lost_after_delivery', responseRef: 'doc-a' }]);
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'delivered', response_ref: 'doc-b', attempts: 2 });
    expect(await readParcel(sessions, parcel)).toEqual({ state: 'shipped', tracking: 'T-B', shipments: 1 });
  });
});
