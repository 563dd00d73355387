import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { ExternalSystemError } from '@hub/integrations';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { createOutboxDispatcher, type OutboxHandler } from './dispatcher';
import { processOutboxBatch, type EventSettlement } from './process-batch';
import { clearOutbox, enqueueOne, readEvent, updateEvent } from './testing/outbox-rows';

const unavailable = new ExternalSystemError('1c POST /transfer-orders failed on the network: ECONNREFUSED', {
  system: '1c',
  code: 'network',
  retryable: true,
});

describe('processOutboxBatch', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase('hub_test_outbox_batch');
    orm = await openTestOrm(db.url);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });
  beforeEach(() => clearOutbox(orm));

  it('delivers, retries and buries events by what their delivery did, and reports each', async () => {
    const ok = await enqueueOne(orm, 'CREATE_1C_TRANSFER_ORDER', { outcome: 'ok' });
    const flaky = await enqueueOne(orm, 'CREATE_1C_TRANSFER_ORDER', { outcome: 'flaky' });
    const unhandled = await enqueueOne(orm, 'CREATE_MS_CUSTOMER_ORDER', {});
    const handler: OutboxHandler = async (event) => {
      if (event.payload['outcome'] === 'flaky') throw unavailable;
      return { responseRef: `doc-${event.id}` };
    };
    const settled: EventSettlement[] = [];

    const result = await processOutboxBatch({
      orm,
      owner: 'replica-a',
      dispatch: createOutboxDispatcher({ CREATE_1C_TRANSFER_ORDER: handler }),
      onSettled: (settlement) => void settled.push(settlement),
    });

    expect(result).toEqual({ claimed: 3, delivered: 1, retried: 1, dead: 1, leaseLost: 0 });
    expect(await readEvent(orm, ok)).toMatchObject({ status: 'delivered', response_ref: `doc-${ok}` });
    expect(await readEvent(orm, flaky)).toMatchObject({ status: 'pending', attempts: 1 });
    const dead = await readEvent(orm, unhandled);
    expect(dead.status).toBe('dead');
    expect(dead.last_error).toContain('CREATE_MS_CUSTOMER_ORDER');
    expect(settled.map((s) => [s.event.id, s.status])).toEqual([
      [ok, 'delivered'],
      [flaky, 'retried'],
      [unhandled, 'dead'],
    ]);
  });

  it('buries an event on its last allowed attempt instead of retrying it again', async () => {
    const id = await enqueueOne(orm);
    await updateEvent(orm, id, 'attempts = 2');
    const failing: OutboxHandler = () => Promise.reject(unavailable);

    const result = await processOutboxBatch({
      orm,
      owner: 'replica-a',
      maxAttempts: 3,
      dispatch: createOutboxDispatcher({ CREATE_1C_TRANSFER_ORDER: failing }),
    });

    expect(result).toMatchObject({ claimed: 1, retried: 0, dead: 1 });
    expect(await readEvent(orm, id)).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('does nothing when no event is due', async () => {
    const id = await enqueueOne(orm);
    await updateEvent(orm, id, "next_attempt_at = now() + interval '1 minute'");
    let calls = 0;
    const result = await processOutboxBatch({
      orm,
      owner: 'replica-a',
      dispatch: async () => ({ responseRef: String(++calls) }),
    });
    expect(result).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0, leaseLost: 0 });
    expect(calls).toBe(0);
  });

  it('rejects when the database is unreachable, rather than reporting an empty batch', async () => {
    const closed = await openTestOrm(db.url);
    await closed.close(true);
    await expect(
      processOutboxBatch({ orm: closed, owner: 'replica-a', dispatch: async () => ({ responseRef: 'x' }) }),
    ).rejects.toThrow();
  });
});
