import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { ExternalSystemError } from '@hub/integrations';
import { useTestOrm } from '@hub/testing';
import type { OutboxDispatch } from './dispatcher';
import { drainOutbox } from './drain-outbox';
import { processOutboxBatch } from './process-batch';
import { clearOutbox, enqueueEvents, readEvent } from './testing/outbox-rows';

describe('delivery isolation and order', () => {
  const database = useTestOrm();
  let orm: MikroORM;

  beforeAll(() => {
    orm = database.orm;
  });
  beforeEach(() => clearOutbox(orm));

  it('gives up on a delivery that hangs after the timeout, aborts it, and still delivers the other aggregates', async () => {
    const stuckAggregate = randomUUID();
    const [stuck, stuckSuccessor, other1, other2] = await enqueueEvents(orm, [stuckAggregate, stuckAggregate, randomUUID(), randomUUID()]);
    let abortReason: unknown;
    const delivered: string[] = [];
    const dispatch: OutboxDispatch = async (event, context) => {
      if (event.id === stuck) {
        context?.signal.addEventListener('abort', () => (abortReason = context.signal.reason));
        return new Promise(() => undefined);
      }
      delivered.push(event.id);
      return { responseRef: `doc-${event.id}` };
    };

    const result = await processOutboxBatch({ orm, owner: 'replica-a', dispatch, deliveryTimeoutMs: 200, concurrency: 1 });

    expect(result).toEqual({ claimed: 3, delivered: 2, retried: 1, dead: 0, leaseLost: 0 });
    expect(delivered).toEqual([other1, other2]);
    expect(abortReason).toMatchObject({ name: 'DeliveryTimeoutError' });
    const row = await readEvent(orm, stuck as string);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lease_owner: null });
    expect(row.last_error).toContain('did not finish within 200 ms');
    // Its successor waits for it: order within the aggregate holds even while the first is stuck.
    expect((await readEvent(orm, stuckSuccessor as string)).status).toBe('pending');
  });

  it('refuses settings under which a slow batch would outlive its lease, naming the setting', async () => {
    await expect(
      processOutboxBatch({ orm, owner: 'replica-a', dispatch: async () => ({ responseRef: 'x' }), batchSize: 10, concurrency: 2, deliveryTimeoutMs: 1_000, leaseMs: 5_000 }),
    ).rejects.toThrow(/^leaseMs \(5000\) must exceed .* = 5000/);
  });

  it('two replicas draining at once deliver each aggregate in the order it was written, each event once', async () => {
    const aggregates = Array.from({ length: 6 }, () => randomUUID());
    const written = await enqueueEvents(orm, aggregates.flatMap((aggregate) => [aggregate, aggregate, aggregate, aggregate]));
    const writtenOrder = new Map<string, string[]>();
    written.forEach((id, index) => writtenOrder.set(aggregates[Math.floor(index / 4)] as string, [...(writtenOrder.get(aggregates[Math.floor(index / 4)] as string) ?? []), id]));
    const seen = new Map<string, string[]>();
    let calls = 0;
    const failedOnce = new Set<string>();
    const dispatch: OutboxDispatch = async (event) => {
      calls += 1;
      await sleep(calls % 3);
      // Every third event fails its first try: its retry must not let a successor overtake it.
      // (Failing every third *call* instead can hit the same event on every round until it is dead.)
      if (written.indexOf(event.id) % 3 === 0 && !failedOnce.has(event.id)) {
        failedOnce.add(event.id);
        throw new ExternalSystemError('1c answered HTTP 503', { system: '1c', code: 'http_5xx', status: 503, retryable: true });
      }
      seen.set(event.aggregateId, [...(seen.get(event.aggregateId) ?? []), event.id]);
      return { responseRef: event.id };
    };
    const replica = (owner: string) => drainOutbox({ orm, owner, dispatch, batchSize: 3, concurrency: 3, maxAttempts: 50, backoff: { baseMs: 1, maxMs: 5 } });

    // Rounds end as soon as everything is seen; the bound only stops a broken outbox from looping forever.
    for (let round = 0; round < 400 && [...seen.values()].flat().length < written.length; round += 1) {
      await Promise.all([replica('replica-a'), replica('replica-b')]);
      await sleep(5);
    }

    expect(seen).toEqual(writtenOrder);
  });
});
