import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSessionFactory, type MikroORM, type SessionFactory } from '@hub/db';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { createOutboxDispatcher, type OutboxDispatch, type OutboxHandler } from './dispatcher';
import { processOutboxBatch, type EventSettlement } from './process-batch';
import { carrierUnavailable } from './testing/carrier-error';
import { clearOutbox, enqueueOne, readEvent, seedOutboxEvent, TEST_AGGREGATE_TYPE, TEST_EVENT_TYPE, updateEvent } from './testing/outbox-rows';
import { createParcelsTable, insertParcel, parcelHooks, readParcel, type ShipmentOutcome } from './testing/parcels';

const unavailable = carrierUnavailable('nothing: ECONNREFUSED');

/** Ships every parcel, tracking number `T-<event id>`. */
const ship: OutboxDispatch = async (event) => ({ responseRef: `doc-${event.id}`, outcome: { tracking: `T-${event.id}` } satisfies ShipmentOutcome });

describe('processOutboxBatch', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let sessions: SessionFactory;

  beforeAll(async () => {
    db = await createTestDatabase('hub_test_outbox_batch');
    orm = await openTestOrm(db.url);
    sessions = createSessionFactory(orm);
    await createParcelsTable(sessions);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });
  beforeEach(() => clearOutbox(sessions));

  it('delivers, retries and buries events by what their delivery did, and reports each', async () => {
    const ok = await enqueueOne(sessions, TEST_EVENT_TYPE, { outcome: 'ok' });
    const flaky = await enqueueOne(sessions, TEST_EVENT_TYPE, { outcome: 'flaky' });
    const unhandled = await enqueueOne(sessions, 'WEIGH_PARCEL', {});
    const handler: OutboxHandler = async (event) => {
      if (event.payload['outcome'] === 'flaky') throw unavailable;
      return { responseRef: `doc-${event.id}` };
    };
    const settled: EventSettlement[] = [];

    const result = await processOutboxBatch({
      hooks: {},
      sessions,
      owner: 'replica-a',
      dispatch: createOutboxDispatcher({ [TEST_EVENT_TYPE]: handler }),
      onSettled: (settlement) => void settled.push(settlement),
    });

    expect(result).toEqual({ claimed: 3, delivered: 1, retried: 1, dead: 1, leaseLost: 0 });
    expect(await readEvent(sessions, ok)).toMatchObject({ status: 'delivered', response_ref: `doc-${ok}` });
    expect(await readEvent(sessions, flaky)).toMatchObject({ status: 'pending', attempts: 1 });
    const dead = await readEvent(sessions, unhandled);
    expect(dead.status).toBe('dead');
    expect(dead.last_error).toContain('WEIGH_PARCEL');
    expect(settled.map((s) => [s.event.id, s.status])).toEqual([
      [ok, 'delivered'],
      [flaky, 'retried'],
      [unhandled, 'dead'],
    ]);
  });

  it('buries an event on its last allowed attempt instead of retrying it again', async () => {
    const id = await enqueueOne(sessions);
    await updateEvent(sessions, id, 'attempts = 2');
    const failing: OutboxHandler = () => Promise.reject(unavailable);

    const result = await processOutboxBatch({
      hooks: {},
      sessions,
      owner: 'replica-a',
      maxAttempts: 3,
      dispatch: createOutboxDispatcher({ [TEST_EVENT_TYPE]: failing }),
    });

    expect(result).toMatchObject({ claimed: 1, retried: 0, dead: 1 });
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('does nothing when no event is due', async () => {
    const id = await enqueueOne(sessions);
    await updateEvent(sessions, id, "next_attempt_at = now() + interval '1 minute'");
    let calls = 0;
    const result = await processOutboxBatch({ hooks: {}, sessions, owner: 'replica-a', dispatch: async () => ({ responseRef: String(++calls) }) });
    expect(result).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0, leaseLost: 0 });
    expect(calls).toBe(0);
  });

  it('rejects when the database is unreachable, rather than reporting an empty batch', async () => {
    const closed = await openTestOrm(db.url);
    await closed.close(true);
    await expect(
      processOutboxBatch({ hooks: {}, sessions: createSessionFactory(closed), owner: 'replica-a', dispatch: async () => ({ responseRef: 'x' }) }),
    ).rejects.toThrow();
  });

  describe('the delivered hook', () => {
    it("records the receipt's outcome on the aggregate in the transaction that marks the event delivered", async () => {
      const parcel = await insertParcel(sessions);
      const id = await seedOutboxEvent(sessions, { aggregateId: parcel });

      const result = await processOutboxBatch({ sessions, owner: 'replica-a', dispatch: ship, hooks: parcelHooks() });

      expect(result).toMatchObject({ claimed: 1, delivered: 1 });
      expect(await readEvent(sessions, id)).toMatchObject({ status: 'delivered', response_ref: `doc-${id}` });
      expect(await readParcel(sessions, parcel)).toEqual({ state: 'shipped', tracking: `T-${id}`, shipments: 1 });
    });

    it('leaves the event in flight when the hook fails: the event and its aggregate change together or not at all', async () => {
      const parcel = await insertParcel(sessions);
      const id = await seedOutboxEvent(sessions, { aggregateId: parcel });

      await expect(processOutboxBatch({ sessions, owner: 'replica-a', dispatch: ship, hooks: parcelHooks({ failIn: 'delivered' }) })).rejects.toThrow(
        'the parcel ledger refused what the delivered hook did',
      );

      // Its lease runs out and another replica delivers it again: the event id is the idempotency key.
      expect(await readEvent(sessions, id)).toMatchObject({ status: 'in_flight', lease_owner: 'replica-a', delivered: false, response_ref: null });
      expect(await readParcel(sessions, parcel)).toEqual({ state: 'pending', tracking: null, shipments: 0 });
    });

    it('makes an event whose aggregate is gone dead, naming the aggregate, and counts it dead', async () => {
      const parcel = await insertParcel(sessions);
      const shipped = await seedOutboxEvent(sessions, { aggregateId: parcel });
      const vanished = '00000000-0000-4000-8000-00000000beef';
      const orphan = await seedOutboxEvent(sessions, { aggregateId: vanished });
      const settled: EventSettlement[] = [];

      const result = await processOutboxBatch({
        sessions,
        owner: 'replica-a',
        dispatch: ship,
        hooks: parcelHooks(),
        onSettled: (settlement) => void settled.push(settlement),
      });

      expect(result).toEqual({ claimed: 2, delivered: 1, retried: 0, dead: 1, leaseLost: 0 });
      expect(await readEvent(sessions, shipped)).toMatchObject({ status: 'delivered' });
      expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'shipped', shipments: 1 });
      const row = await readEvent(sessions, orphan);
      expect(row).toMatchObject({ status: 'dead', delivered: false, lease_owner: null });
      const message = `Outbox event ${orphan} was delivered (response doc-${orphan}), but its ${TEST_AGGREGATE_TYPE} ${vanished} does not exist`;
      expect(row.last_error).toBe(message);
      expect(settled).toContainEqual({ event: expect.objectContaining({ id: orphan }), status: 'dead', error: message });
    });

    it('is not called for an aggregate type without hooks: only its events change', async () => {
      const parcel = await insertParcel(sessions);
      // A crate that happens to share the parcel's id: the parcel hooks must not take it for the parcel.
      const id = await seedOutboxEvent(sessions, { aggregateType: 'crate', aggregateId: parcel });

      const result = await processOutboxBatch({ sessions, owner: 'replica-a', dispatch: ship, hooks: parcelHooks() });

      expect(result).toMatchObject({ claimed: 1, delivered: 1, dead: 0 });
      expect(await readEvent(sessions, id)).toMatchObject({ status: 'delivered', response_ref: `doc-${id}` });
      expect(await readParcel(sessions, parcel)).toEqual({ state: 'pending', tracking: null, shipments: 0 });
    });
  });
});
