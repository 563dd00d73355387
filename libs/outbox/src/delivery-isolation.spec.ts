import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { latch, useTestOrm } from '@hub/testing';
import type { OutboxDispatch } from './dispatcher';
import { drainOutbox } from './drain-outbox';
import { PermanentDeliveryError } from './errors';
import { processOutboxBatch } from './process-batch';
import type { ClaimedEvent } from './sql/claim-due-events';
import { carrierUnavailable } from './testing/carrier-error';
import { clearOutbox, enqueueEvents, readEvent } from './testing/outbox-rows';

describe('delivery isolation and sequence', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;

  /**
   * Drains as `owner` until a drain finds nothing due. A failed event is due again at once
   * (no jitter drawn: `random` 0), so no round waits for time to pass; the bound only stops
   * a broken outbox from looping forever.
   */
  async function drainUntilIdle(owner: string, dispatch: OutboxDispatch): Promise<void> {
    for (let drains = 0; drains < 20; drains += 1) {
      const result = await drainOutbox({ hooks: {}, sessions, owner, dispatch, batchSize: 2, concurrency: 2, random: () => 0 });
      if (result.claimed === 0) return;
    }
    throw new Error(`${owner} still found due events after 20 drains`);
  }

  beforeAll(() => {
    sessions = database.sessions;
  });
  beforeEach(() => clearOutbox(sessions));

  it('gives up on a delivery that hangs after the timeout, aborts it, and still delivers the other aggregates', async () => {
    const stuckAggregate = randomUUID();
    const [stuck, stuckSuccessor, other1, other2] = await enqueueEvents(sessions, [stuckAggregate, stuckAggregate, randomUUID(), randomUUID()]);
    let abortReason: unknown;
    const delivered: string[] = [];
    const dispatch: OutboxDispatch = async (event, context) => {
      if (event.id === stuck) {
        context.signal.addEventListener('abort', () => (abortReason = context.signal.reason));
        return new Promise(() => undefined);
      }
      delivered.push(event.id);
      return { responseRef: `doc-${event.id}` };
    };

    const result = await processOutboxBatch({ hooks: {}, sessions, owner: 'replica-a', dispatch, deliveryTimeoutMs: 200, concurrency: 1 });

    expect(result).toEqual({ claimed: 3, delivered: 2, retried: 1, dead: 0, leaseLost: 0 });
    expect(delivered).toEqual([other1, other2]);
    expect(abortReason).toMatchObject({ name: 'DeliveryTimeoutError' });
    const row = await readEvent(sessions, stuck as string);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lease_owner: null });
    expect(row.last_error).toContain('did not finish within 200 ms');
    // Its successor waits for it: the sequence within the aggregate holds even while the first is stuck.
    expect((await readEvent(sessions, stuckSuccessor as string)).status).toBe('pending');
  });

  it('refuses settings under which a slow batch would outlive its lease, naming the setting', async () => {
    await expect(
      processOutboxBatch({
        hooks: {},
        sessions,
        owner: 'replica-a',
        dispatch: async () => ({ responseRef: 'x' }),
        batchSize: 10,
        concurrency: 2,
        deliveryTimeoutMs: 1_000,
        leaseMs: 5_000,
      }),
    ).rejects.toThrow(/^leaseMs \(5000\) must exceed .* = 5000/);
  });

  it("runs a batch's deliveries side by side: one that waits does not hold up the others", async () => {
    const [waiting, ...others] = await enqueueEvents(sessions, [randomUUID(), randomUUID(), randomUUID()]);
    const othersDelivered = latch('the other aggregates of the batch were delivered');
    const delivered: string[] = [];
    // The oldest event's delivery answers only once the two younger ones have: run one after another, it would wait in vain.
    const dispatch: OutboxDispatch = async (event) => {
      if (event.id === waiting) await othersDelivered.wait();
      delivered.push(event.id);
      if (others.every((id) => delivered.includes(id))) othersDelivered.open();
      return { responseRef: `doc-${event.id}` };
    };

    const result = await processOutboxBatch({ hooks: {}, sessions, owner: 'replica-a', dispatch, batchSize: 3, concurrency: 3 });

    expect(result).toEqual({ claimed: 3, delivered: 3, retried: 0, dead: 0, leaseLost: 0 });
    expect(delivered).toEqual([...others, waiting]);
  });

  it('holds up only the aggregate whose delivery is slow, failing or dead, and delivers every aggregate in sequence, each event once', async () => {
    const [slow, flaky, doomed, steady] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const sequence = [1, 2, 3].flatMap(() => [slow, flaky, doomed, steady]);
    const written = await enqueueEvents(sessions, sequence);
    const writtenFor = (aggregate: string) => written.filter((_, index) => sequence[index] === aggregate);
    const [firstOfSlow] = writtenFor(slow) as [string];
    const slowStarted = latch('replica A started delivering the slow aggregate');
    const slowReleased = latch('the test released the slow delivery');
    const attempts: ClaimedEvent[] = [];
    const delivered: ClaimedEvent[] = [];
    const dispatch: OutboxDispatch = async (event) => {
      attempts.push(event);
      if (event.id === firstOfSlow) {
        slowStarted.open();
        await slowReleased.wait();
      }
      if (event.aggregateId === doomed) throw new PermanentDeliveryError('the carrier does not serve this address');
      // Every flaky event fails its first try: its retry must not let a successor overtake it.
      if (event.aggregateId === flaky && event.attempts === 1) throw carrierUnavailable();
      delivered.push(event);
      return { responseRef: `doc-${event.id}` };
    };
    const idsFor = (events: ClaimedEvent[], aggregate: string) => events.filter((e) => e.aggregateId === aggregate).map((e) => e.id);

    // Replica A claims the oldest event alone, the slow aggregate's first, and is held in its delivery.
    const batchOfA = processOutboxBatch({ hooks: {}, sessions, owner: 'replica-a', dispatch, batchSize: 1 });
    await slowStarted.wait();
    // Meanwhile replica B works off every aggregate that can go.
    await drainUntilIdle('replica-b', dispatch);

    expect(idsFor(delivered, steady)).toEqual(writtenFor(steady));
    expect(idsFor(delivered, flaky)).toEqual(writtenFor(flaky));
    expect(idsFor(attempts, slow)).toEqual([firstOfSlow]);
    expect(await readEvent(sessions, firstOfSlow)).toMatchObject({ status: 'in_flight', lease_owner: 'replica-a' });

    // Released, the slow aggregate's later events follow in sequence, both replicas draining at once.
    slowReleased.open();
    expect(await batchOfA).toEqual({ claimed: 1, delivered: 1, retried: 0, dead: 0, leaseLost: 0 });
    await Promise.all([drainUntilIdle('replica-a', dispatch), drainUntilIdle('replica-b', dispatch)]);

    // Each aggregate's events were tried strictly in the sequence written: a retry comes before any successor.
    expect(idsFor(attempts, slow)).toEqual(writtenFor(slow));
    expect(idsFor(attempts, steady)).toEqual(writtenFor(steady));
    expect(idsFor(attempts, flaky)).toEqual(writtenFor(flaky).flatMap((id) => [id, id]));
    expect(idsFor(delivered, slow)).toEqual(writtenFor(slow));
    // The dead event keeps blocking its own aggregate only; nothing else was handed out.
    const [deadFirst, ...blocked] = writtenFor(doomed) as [string, ...string[]];
    expect(idsFor(attempts, doomed)).toEqual([deadFirst]);
    expect(await readEvent(sessions, deadFirst)).toMatchObject({ status: 'dead', attempts: 1 });
    for (const id of blocked) expect(await readEvent(sessions, id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(delivered).toHaveLength(9);
  });
});
