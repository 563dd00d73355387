import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import type { AggregateHookRegistry } from './aggregate-hooks';
import type { OutboxDispatch } from './dispatcher';
import { InvalidOutboxPayloadError } from './errors';
import { processOutboxBatch } from './process-batch';
import { claimDueEvents } from './sql/claim-due-events';
import { carrierUnavailable } from './testing/carrier-error';
import { clearOutbox, readEvent, seedOutboxEvent, updateEvent } from './testing/outbox-rows';
import { createParcelsTable, insertParcel, parcelHooks, readParcel } from './testing/parcels';

const refuse: OutboxDispatch = async (event) => {
  throw new InvalidOutboxPayloadError(event.id, 'weight: must be positive');
};

describe('dead letters', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  const batch = (dispatch: OutboxDispatch, hooks: AggregateHookRegistry = parcelHooks()) =>
    processOutboxBatch({ sessions, owner: 'replica-a', dispatch, hooks, maxAttempts: 3 });

  /** A pending parcel and one event for it. */
  async function parcelWithEvent() {
    const parcel = await insertParcel(sessions);
    return { parcel, eventId: await seedOutboxEvent(sessions, { aggregateId: parcel }) };
  }

  /** Three replicas in turn claim the event and die mid-delivery: each lease runs out, the third on the last allowed attempt. */
  async function abandonThreeTimes(eventId: string): Promise<void> {
    for (const replica of ['replica-1', 'replica-2', 'replica-3']) {
      const claimed = await sessions.withSession((tx) => claimDueEvents(tx, { owner: replica, limit: 10, leaseMs: 60_000 }));
      expect(claimed.map((event) => event.id)).toEqual([eventId]);
      await updateEvent(sessions, eventId, "lease_expires_at = now() - interval '1 second'");
    }
  }

  beforeAll(async () => {
    sessions = database.sessions;
    await createParcelsTable(sessions);
  });
  beforeEach(() => clearOutbox(sessions));

  it('an event refused for good is dead with the reason, and its dead hook has lost the pending parcel', async () => {
    const { parcel, eventId } = await parcelWithEvent();

    expect(await batch(refuse)).toMatchObject({ claimed: 1, dead: 1 });

    const row = await readEvent(sessions, eventId);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.last_error).toContain('weight: must be positive');
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'lost' });
  });

  it('retries an event that keeps failing until the last allowed attempt, then keeps the last error and tells the dead hook', async () => {
    const { parcel, eventId } = await parcelWithEvent();
    let tries = 0;
    const failing: OutboxDispatch = async () => {
      tries += 1;
      throw carrierUnavailable(`HTTP 503 (try ${tries})`);
    };

    const outcomes = [];
    const states = [];
    for (let round = 0; round < 3; round += 1) {
      outcomes.push(await batch(failing));
      states.push((await readParcel(sessions, parcel))?.state);
      // Due again at once: the backoff is markFailed's to prove, not this test's to wait out.
      await updateEvent(sessions, eventId, 'next_attempt_at = now()');
    }

    expect(outcomes.map((o) => [o.retried, o.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(states).toEqual(['pending', 'pending', 'lost']);
    const row = await readEvent(sessions, eventId);
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(row.last_error).toContain('(try 3)');
    expect(await batch(failing)).toMatchObject({ claimed: 0 });
    expect(tries).toBe(3);
  });

  it('buries an event whose every try killed its process once the tries reach the limit, and tells the dead hook', async () => {
    const { parcel, eventId } = await parcelWithEvent();
    await abandonThreeTimes(eventId);
    let delivered = 0;

    const result = await batch(async () => ({ responseRef: String(++delivered) }));

    expect(result).toMatchObject({ claimed: 0, dead: 1 });
    expect(delivered).toBe(0);
    const row = await readEvent(sessions, eventId);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, lease_owner: null });
    expect(row.last_error).toMatch(/lease of replica-3 expired on attempt 3 of 3/);
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'lost' });
  });

  it('tells no hook about an aggregate type without hooks: only its event dies', async () => {
    const parcel = await insertParcel(sessions);
    // A crate that happens to share the parcel's id: the parcel hooks must not take it for the parcel.
    const eventId = await seedOutboxEvent(sessions, { aggregateType: 'crate', aggregateId: parcel });

    expect(await batch(refuse)).toMatchObject({ claimed: 1, dead: 1 });

    expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'dead' });
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'pending' });
  });

  describe('a dead hook that fails takes the event down with it: both change together or not at all', () => {
    const failingHook = parcelHooks({ failIn: 'dead' });

    it('on a refusal: the event stays in flight under its lease, the parcel pending', async () => {
      const { parcel, eventId } = await parcelWithEvent();

      await expect(batch(refuse, failingHook)).rejects.toThrow('the parcel ledger refused what the dead hook did');

      expect(await readEvent(sessions, eventId)).toMatchObject({ status: 'in_flight', lease_owner: 'replica-a', last_error: null });
      expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'pending' });
    });

    it('on burying an abandoned event: the event stays in flight with its expired lease, nothing is claimed, the parcel pending', async () => {
      const { parcel, eventId } = await parcelWithEvent();
      await abandonThreeTimes(eventId);
      let delivered = 0;

      await expect(batch(async () => ({ responseRef: String(++delivered) }), failingHook)).rejects.toThrow('the parcel ledger refused');

      expect(delivered).toBe(0);
      const row = await readEvent(sessions, eventId);
      expect(row).toMatchObject({ status: 'in_flight', attempts: 3, lease_owner: 'replica-3' });
      expect(row.lease_left_ms).toBeLessThan(0);
      expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'pending' });
    });
  });
});
