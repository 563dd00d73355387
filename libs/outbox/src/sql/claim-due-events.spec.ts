import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { clearOutbox, enqueueEvents, enqueueOne, readEvent, updateEvent } from '../testing/outbox-rows';
import { claimDueEvents, type ClaimOptions } from './claim-due-events';
import { markDelivered } from './mark-delivered';

describe('claimDueEvents', () => {
  const database = useTestOrm();
  let orm: MikroORM;
  const claim = (options: Partial<ClaimOptions> = {}) =>
    orm.em.fork().transactional((em) => claimDueEvents(em, { owner: 'replica-a', limit: 10, leaseMs: 60_000, ...options }));
  const ids = (events: Array<{ id: string }>) => events.map((event) => event.id);

  beforeAll(() => {
    orm = database.orm;
  });
  beforeEach(() => clearOutbox(orm));

  it('leases due pending events to the owner, counting the attempt, and leaves future ones alone', async () => {
    const due = await enqueueOne(orm);
    const later = await enqueueOne(orm);
    await updateEvent(orm, later, "next_attempt_at = now() + interval '1 hour'");

    const claimed = await claim({ owner: 'replica-a', leaseMs: 60_000 });

    expect(ids(claimed)).toEqual([due]);
    expect(claimed[0]).toMatchObject({ eventType: 'CREATE_1C_TRANSFER_ORDER', attempts: 1, leaseOwner: 'replica-a' });
    const row = await readEvent(orm, due);
    expect(row).toMatchObject({ status: 'in_flight', lease_owner: 'replica-a', attempts: 1 });
    expect(row.lease_left_ms).toBeGreaterThan(55_000);
    expect(row.lease_left_ms).toBeLessThanOrEqual(60_000);
    expect((await readEvent(orm, later)).status).toBe('pending');
  });

  it('returns the oldest events first and no more than the limit', async () => {
    const written = await enqueueEvents(orm, [randomUUID(), randomUUID(), randomUUID()]);
    expect(ids(await claim({ limit: 2 }))).toEqual(written.slice(0, 2));
  });

  it('does not hand out an event whose lease is still running', async () => {
    await enqueueOne(orm);
    expect(await claim({ owner: 'replica-a' })).toHaveLength(1);
    expect(await claim({ owner: 'replica-b' })).toEqual([]);
  });

  it('takes back an event whose lease expired (its replica died) for a new owner', async () => {
    const id = await enqueueOne(orm);
    await claim({ owner: 'replica-a' });
    await updateEvent(orm, id, "lease_expires_at = now() - interval '1 second'");

    const reclaimed = await claim({ owner: 'replica-b' });

    expect(ids(reclaimed)).toEqual([id]);
    // The crashed try counts: an event that kills every process delivering it must run out of attempts.
    expect(reclaimed[0]?.attempts).toBe(2);
    expect((await readEvent(orm, id)).lease_owner).toBe('replica-b');
    expect(await markDelivered(orm.em.fork(), id, 'replica-a', 'late')).toBe(false);
  });

  it('lets two concurrent claimers take different events instead of waiting on each other', async () => {
    await enqueueEvents(orm, Array.from({ length: 12 }, () => randomUUID()));

    // The second claim runs while the first transaction still holds its row locks; it
    // runs outside that transaction's async context so it gets a connection of its own.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstClaimed = (): void => undefined;
    const firstDone = new Promise<void>((resolve) => (firstClaimed = resolve));
    const firstTransaction = orm.em.fork().transactional(async (em) => {
      const mine = await claimDueEvents(em, { owner: 'replica-a', limit: 5, leaseMs: 60_000 });
      firstClaimed();
      await held;
      return mine;
    });
    await firstDone;
    const second = await claim({ owner: 'replica-b', limit: 5 });
    release();
    const first = await firstTransaction;

    expect(first).toHaveLength(5);
    expect(second).toHaveLength(5);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('hands out only the oldest undelivered event of an aggregate', async () => {
    const aggregate = randomUUID();
    const [firstOfA, secondOfA, onlyOfB] = await enqueueEvents(orm, [aggregate, aggregate, randomUUID()]);

    expect(ids(await claim())).toEqual([firstOfA, onlyOfB]);
    expect(await claim()).toEqual([]);

    await markDelivered(orm.em.fork(), firstOfA as string, 'replica-a', '1c-doc');
    expect(ids(await claim())).toEqual([secondOfA]);
  });

  it('holds an aggregate back while its older event waits for a retry or is dead', async () => {
    const aggregate = randomUUID();
    const [older, newer] = await enqueueEvents(orm, [aggregate, aggregate]);
    await updateEvent(orm, older as string, "attempts = 1, next_attempt_at = now() + interval '1 minute'");
    expect(await claim()).toEqual([]);

    await updateEvent(orm, older as string, "status = 'dead'");
    expect(await claim()).toEqual([]);
    expect((await readEvent(orm, newer as string)).status).toBe('pending');
  });
});
