import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSFER_ORDER } from '@hub/orders';
import { eventNamesOf, readOrder, seedOrder } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent, updateEvent } from '@hub/outbox/testing';
import { findFreePort, oneCClientFor, waitFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const OUTBOX = 'http://localhost/api/v1/outbox';

describe('POST /api/v1/outbox/{id}/retry', () => {
  let fx: ApiFixture;
  const retry = (id: string, headers: Record<string, string> = {}) => fx.app.request(`${OUTBOX}/${id}/retry`, { method: 'POST', headers });
  const eventRow = async (id: string) =>
    (
      await fx.query<{ status: string; attempts: number; due: boolean; lease_owner: string | null; last_error: string | null }>(
        'select status, attempts, next_attempt_at <= now() as due, lease_owner, last_error from outbox_events where id = ?',
        [id],
      )
    )[0];
  const retryLogs = (eventId: string) =>
    fx.query<{ request_id: string; level: string; step: string; payload: Record<string, unknown>; details: Record<string, unknown> }>(
      `select request_id::text, level, step, payload, details from integration_logs where step = 'outbox_retry' and payload->>'eventId' = ?`,
      [eventId],
    );

  beforeAll(async () => {
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`));
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('puts a dead event back to pending, resets its failed order, and logs who asked', async () => {
    const { orderId, eventId: id } = await seedOrder(fx.sessions, { status: 'failed' });
    await updateEvent(fx.sessions, id, `${DEAD_EVENT}, lease_owner = 'replica-a'`);
    const requestId = randomUUID();

    const response = await retry(id, { 'X-Request-ID': requestId, 'User-Agent': 'ops-console/1.0', 'X-Hub-Operator': 'marina.k' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      event: expect.objectContaining({ id, status: 'pending', attempts: 0, lease_owner: null, last_error: 'the other side answered 500: internal error' }),
      previous_attempts: 10,
      aggregate_reset: true,
    });
    expect(await eventRow(id)).toEqual({
      status: 'pending',
      attempts: 0,
      due: true,
      lease_owner: null,
      last_error: 'the other side answered 500: internal error',
    });
    expect((await readOrder(fx.sessions, TRANSFER_ORDER, orderId))?.status).toBe('pending');
    expect(await retryLogs(id)).toEqual([
      {
        request_id: requestId,
        level: 'INFO',
        step: 'outbox_retry',
        payload: expect.objectContaining({ eventId: id, aggregateId: orderId, previousAttempts: 10, aggregateReset: true }),
        details: { userAgent: 'ops-console/1.0', operator: 'marina.k' },
      },
    ]);
  });

  it('refuses an operator name that is not a username with 422, retrying and logging nothing', async () => {
    const id = await seedOutboxEvent(fx.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT });
    const response = await retry(id, { 'X-Hub-Operator': 'Robert; drop table' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_value', field: 'x-hub-operator' } });
    expect((await eventRow(id))?.status).toBe('dead');
    expect(await retryLogs(id)).toEqual([]);
  });

  it.each([
    ['pending', "status = 'pending', attempts = 2"],
    ['delivered', "status = 'delivered', delivered_at = now(), attempts = 1"],
  ])('answers 409 naming the status for a %s event, changing and logging nothing', async (status, set) => {
    const id = await seedOutboxEvent(fx.sessions, { ...eventNamesOf(TRANSFER_ORDER), set });
    const before = await eventRow(id);
    const response = await retry(id);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'event_not_dead', field: 'id', message: `Outbox event ${id} is ${status}, not dead: only dead events can be retried by hand` },
    });
    expect(await eventRow(id)).toEqual(before);
    expect(await retryLogs(id)).toEqual([]);
  });

  it('answers 404 for an unknown id and 422 for one that is not a UUID', async () => {
    const missing = await retry(randomUUID());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', field: 'id' } });
    const malformed = await retry('42');
    expect(malformed.status).toBe(422);
    expect(await malformed.json()).toEqual({ error: { code: 'invalid_value', field: 'id', message: 'id must be a UUID' } });
  });

  it('lets exactly one of two simultaneous retries through', async () => {
    const id = await seedOutboxEvent(fx.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT });
    // A session of its own holds the row, so both requests are certainly waiting on it when it is released.
    const holder = new Client({ connectionString: fx.db.url });
    await holder.connect();
    let results: Response[];
    try {
      await holder.query('begin');
      await holder.query('select id from outbox_events where id = $1 for update', [id]);
      const both = Promise.all([retry(id), retry(id)]);
      await waitForLockWaiters(fx, 2);
      await holder.query('commit');
      results = await both;
    } finally {
      await holder.end();
    }
    expect(results.map((response) => response.status).sort()).toEqual([200, 409]);
    const refused = results.find((response) => response.status === 409);
    expect(await refused?.json()).toMatchObject({ error: { message: expect.stringContaining('is pending, not dead') } });
    expect(await retryLogs(id)).toHaveLength(1);
  });
});

/** Waits (bounded) until `count` other sessions of this database wait for a row lock. */
async function waitForLockWaiters(fx: ApiFixture, count: number): Promise<void> {
  const waiting = async () =>
    (
      await fx.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )
    )[0]?.waiting ?? 0;
  await waitFor(async () => ((await waiting()) >= count ? true : undefined), 15_000, `${count} sessions never waited for the row lock`);
}
