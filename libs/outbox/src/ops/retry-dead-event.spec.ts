import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import type { AggregateHookRegistry } from '../aggregate-hooks';
import { DEAD_EVENT, seedOutboxEvent } from '../testing/outbox-rows';
import { createParcelsTable, insertParcel, parcelHooks, readParcel } from '../testing/parcels';
import { retryDeadEvent } from './retry-dead-event';

interface StoredEvent {
  status: string;
  attempts: number;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  last_error: string | null;
  next_attempt_at: string;
  due: boolean;
  updated_at: string;
}

/** The last error DEAD_EVENT leaves. */
const LAST_ERROR = 'the other side answered 500: internal error';

describe('retryDeadEvent', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  const retry = (id: string, hooks: AggregateHookRegistry = parcelHooks()) => retryDeadEvent(sessions.open(), id, hooks);
  const read = async (id: string): Promise<StoredEvent | undefined> =>
    (
      await sessions.open().execute<StoredEvent[]>(
        `select status, attempts, lease_owner, lease_expires_at, last_error, updated_at::text as updated_at,
         next_attempt_at::text as next_attempt_at, next_attempt_at <= now() as due
       from outbox_events where id = ?::uuid`,
        [id],
        'all',
      )
    )[0];

  beforeAll(async () => {
    sessions = database.sessions;
    await createParcelsTable(sessions);
  });

  it('puts a dead event back to pending, due now, attempts 0, no lease, keeping its last error', async () => {
    const id = await seedOutboxEvent(sessions, { set: `${DEAD_EVENT}, next_attempt_at = now() + interval '1 day', lease_owner = 'replica-a'` });

    const result = await retryDeadEvent(sessions.open(), id, {});

    expect(result).toMatchObject({
      kind: 'retried',
      previousAttempts: 10,
      aggregateReset: false,
      event: { id, status: 'pending', attempts: 0, leaseOwner: null, leaseExpiresAt: null, lastError: LAST_ERROR },
    });
    const stored = await read(id);
    expect(stored).toMatchObject({
      status: 'pending',
      attempts: 0,
      lease_owner: null,
      lease_expires_at: null,
      last_error: LAST_ERROR,
      due: true,
    });
  });

  it('lets the retried hook bring the lost parcel back in the same transaction, and says so', async () => {
    const parcel = await insertParcel(sessions, 'lost');
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel, set: DEAD_EVENT });

    expect(await retry(id)).toMatchObject({ kind: 'retried', aggregateReset: true, event: { status: 'pending' } });
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'pending' });
  });

  it('reports no reset when the hook changed nothing, or the aggregate type has no hooks', async () => {
    const shipped = await insertParcel(sessions, 'shipped');
    const lost = await insertParcel(sessions, 'lost');
    const id = await seedOutboxEvent(sessions, { aggregateId: shipped, set: DEAD_EVENT });
    // A crate that happens to share a lost parcel's id resets nothing: the parcel hooks are not asked.
    const crate = await seedOutboxEvent(sessions, { aggregateType: 'crate', aggregateId: lost, set: DEAD_EVENT });

    expect(await retry(id)).toMatchObject({ kind: 'retried', aggregateReset: false });
    expect(await readParcel(sessions, shipped)).toMatchObject({ state: 'shipped' });
    expect(await retry(crate)).toMatchObject({ kind: 'retried', aggregateReset: false });
    expect(await readParcel(sessions, lost)).toMatchObject({ state: 'lost' });
  });

  it('leaves the event dead when the retried hook fails: the event and its parcel change together or not at all', async () => {
    const parcel = await insertParcel(sessions, 'lost');
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel, set: DEAD_EVENT });
    const before = await read(id);

    await expect(retry(id, parcelHooks({ failIn: 'retried' }))).rejects.toThrow('the parcel ledger refused what the retried hook did');

    expect(await read(id)).toEqual(before);
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'lost' });
  });

  it.each([
    ['pending', "status = 'pending'"],
    ['in_flight', "status = 'in_flight', lease_owner = 'replica-a', lease_expires_at = now() + interval '1 minute'"],
    ['delivered', "status = 'delivered', delivered_at = now(), response_ref = 'carrier-42'"],
  ])('refuses a %s event, naming its status, and changes nothing', async (status, set) => {
    const parcel = await insertParcel(sessions, 'lost');
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel, set: `${set}, attempts = 3` });
    const before = await read(id);

    expect(await retry(id)).toEqual({ kind: 'not_dead', status });
    expect(await read(id)).toEqual(before);
    expect(await readParcel(sessions, parcel)).toMatchObject({ state: 'lost' });
  });

  it('answers not_found for an id no event has', async () => {
    expect(await retry(randomUUID())).toEqual({ kind: 'not_found' });
  });

  it('lets only one of two retries of the same event succeed, and resets its parcel once', async () => {
    const parcel = await insertParcel(sessions, 'lost');
    const id = await seedOutboxEvent(sessions, { aggregateId: parcel, set: DEAD_EVENT });
    const results = await Promise.all([retry(id), retry(id)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['not_dead', 'retried']);
    expect(results).toContainEqual({ kind: 'not_dead', status: 'pending' });
    expect(results).toContainEqual(expect.objectContaining({ kind: 'retried', aggregateReset: true }));
  });
});
