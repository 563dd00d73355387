import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { latch, useTestOrm } from '@hub/testing';
import { clearOutbox, enqueueEvents, enqueueOne, readEvent, TEST_EVENT_TYPE, updateEvent } from '../testing/outbox-rows';
import { claimDueEvents, type ClaimOptions } from './claim-due-events';
import { markDeliveredMany } from './mark-delivered';

describe('claimDueEvents', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  const claim = (options: Partial<ClaimOptions> = {}) =>
    sessions.withSession((tx) => claimDueEvents(tx, { owner: 'replica-a', limit: 10, leaseMs: 60_000, ...options }));
  const ids = (events: Array<{ id: string }>) => events.map((event) => event.id);
  /** Records `id` as delivered by `owner`; resolves whether it was (only the lease holder's record counts). */
  const deliver = async (id: string, owner: string) =>
    (await markDeliveredMany(sessions.open(), owner, [{ id, receipt: { responseRef: `carrier-${id}` } }], {})).delivered.has(id);

  beforeAll(() => {
    sessions = database.sessions;
  });
  beforeEach(() => clearOutbox(sessions));

  it('leases due pending events to the owner, counting the attempt, and leaves future ones alone', async () => {
    const due = await enqueueOne(sessions);
    const later = await enqueueOne(sessions);
    await updateEvent(sessions, later, "next_attempt_at = now() + interval '1 hour'");

    const claimed = await claim({ owner: 'replica-a', leaseMs: 60_000 });

    expect(ids(claimed)).toEqual([due]);
    expect(claimed[0]).toMatchObject({ eventType: TEST_EVENT_TYPE, attempts: 1, leaseOwner: 'replica-a' });
    const row = await readEvent(sessions, due);
    expect(row).toMatchObject({ status: 'in_flight', lease_owner: 'replica-a', attempts: 1 });
    expect(row.lease_left_ms).toBeGreaterThan(55_000);
    expect(row.lease_left_ms).toBeLessThanOrEqual(60_000);
    expect((await readEvent(sessions, later)).status).toBe('pending');
  });

  it('returns the oldest events first and no more than the limit', async () => {
    const written = await enqueueEvents(sessions, [randomUUID(), randomUUID(), randomUUID()]);
    expect(ids(await claim({ limit: 2 }))).toEqual(written.slice(0, 2));
  });

  it('does not hand out an event whose lease is still running', async () => {
    await enqueueOne(sessions);
    expect(await claim({ owner: 'replica-a' })).toHaveLength(1);
    expect(await claim({ owner: 'replica-b' })).toEqual([]);
  });

  it('takes back an event whose lease expired (its replica died) for a new owner', async () => {
    const id = await enqueueOne(sessions);
    await claim({ owner: 'replica-a' });
    await updateEvent(sessions, id, "lease_expires_at = now() - interval '1 second'");

    const reclaimed = await claim({ owner: 'replica-b' });

    expect(ids(reclaimed)).toEqual([id]);
    // The crashed try counts: an event that kills every process delivering it must run out of attempts.
    expect(reclaimed[0]?.attempts).toBe(2);
    expect((await readEvent(sessions, id)).lease_owner).toBe('replica-b');
    expect(await deliver(id, 'replica-a')).toBe(false);
    expect(await deliver(id, 'replica-b')).toBe(true);
  });

  it('lets two concurrent claimers take different events instead of waiting on each other', async () => {
    await enqueueEvents(
      sessions,
      Array.from({ length: 12 }, () => randomUUID()),
    );

    // The second claim runs, on a session of its own, while the first transaction still
    // holds its row locks, and the first ends only after the second has claimed: were the
    // second to wait for those locks, the first's bounded wait would fail the test.
    const firstClaimed = latch('replica-a claimed its events');
    const secondClaimed = latch('replica-b claimed its events');
    const firstTransaction = sessions.withSession(async (tx) => {
      const mine = await claimDueEvents(tx, { owner: 'replica-a', limit: 5, leaseMs: 60_000 });
      firstClaimed.open();
      await secondClaimed.wait();
      return mine;
    });
    await firstClaimed.wait();
    const second = await claim({ owner: 'replica-b', limit: 5 });
    secondClaimed.open();
    const first = await firstTransaction;

    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('hands out only the oldest undelivered event of an aggregate', async () => {
    const aggregate = randomUUID();
    const [firstOfA, secondOfA, onlyOfB] = await enqueueEvents(sessions, [aggregate, aggregate, randomUUID()]);

    expect(ids(await claim())).toEqual([firstOfA, onlyOfB]);
    expect(await claim()).toEqual([]);

    expect(await deliver(firstOfA as string, 'replica-a')).toBe(true);
    expect(ids(await claim())).toEqual([secondOfA]);
  });

  it('holds an aggregate back while its older event waits for a retry or is dead', async () => {
    const aggregate = randomUUID();
    const [older, newer] = await enqueueEvents(sessions, [aggregate, aggregate]);
    await updateEvent(sessions, older as string, "attempts = 1, next_attempt_at = now() + interval '1 minute'");
    expect(await claim()).toEqual([]);

    await updateEvent(sessions, older as string, "status = 'dead'");
    expect(await claim()).toEqual([]);
    expect((await readEvent(sessions, newer as string)).status).toBe('pending');
  });
});
