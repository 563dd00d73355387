import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { InvalidOutboxPayloadError } from './errors';
import { markFailed } from './mark-failed';
import { claimDueEvents } from './sql/claim-due-events';
import { markDeliveredMany } from './sql/mark-delivered';
import { CarrierError, carrierUnavailable } from './testing/carrier-error';
import { clearOutbox, enqueueOne, readEvent, updateEvent } from './testing/outbox-rows';

const OWNER = 'replica-a';

describe('recording delivery outcomes', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;

  /** One event, claimed by OWNER (which counts its attempt), with `failures` failed attempts behind it. */
  async function leasedEvent(failures = 0): Promise<string> {
    const id = await enqueueOne(sessions);
    await updateEvent(sessions, id, `attempts = ${failures}`);
    await sessions.withSession((tx) => claimDueEvents(tx, { owner: OWNER, limit: 1, leaseMs: 60_000 }));
    return id;
  }

  beforeAll(() => {
    sessions = database.sessions;
  });
  beforeEach(() => clearOutbox(sessions));

  it('marks a delivery done for the lease holder, with the response reference', async () => {
    const id = await leasedEvent();
    const recorded = await markDeliveredMany(sessions.open(), OWNER, [{ id, receipt: { responseRef: 'carrier-17' } }], {});
    expect(recorded).toEqual({ delivered: new Set([id]), missing: new Map() });
    expect(await readEvent(sessions, id)).toMatchObject({
      status: 'delivered',
      response_ref: 'carrier-17',
      delivered: true,
      attempts: 1,
      lease_owner: null,
    });
  });

  it('ignores a delivery recorded by a replica that does not hold the lease', async () => {
    const id = await leasedEvent();
    const recorded = await markDeliveredMany(sessions.open(), 'replica-b', [{ id, receipt: { responseRef: 'stolen' } }], {});
    expect(recorded).toEqual({ delivered: new Set(), missing: new Map() });
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'in_flight', lease_owner: OWNER, response_ref: null });
  });

  it('schedules the first retry within a second (full jitter) and keeps the error', async () => {
    const id = await leasedEvent();
    const outcome = await markFailed(sessions.open(), id, OWNER, carrierUnavailable(), { hooks: {}, attempts: 1 });

    expect(outcome.status).toBe('retried');
    const row = await readEvent(sessions, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lease_owner: null, lease_left_ms: null });
    expect(row.last_error).toContain('HTTP 503');
    expect(row.due_in_ms).toBeGreaterThan(-1_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(1_000);
  });

  it('widens the backoff window with each failure', async () => {
    const id = await leasedEvent(5);
    await markFailed(sessions.open(), id, OWNER, carrierUnavailable(), { hooks: {}, attempts: 6, random: () => 0.999 });
    const row = await readEvent(sessions, id);
    // Sixth failure: window 1 s · 2^5 = 32 s.
    expect(row.due_in_ms).toBeGreaterThan(30_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(32_000);
  });

  it("waits as long as the other side's Retry-After asks, read from whatever error the handler threw", async () => {
    const id = await leasedEvent();
    const outcome = await markFailed(sessions.open(), id, OWNER, carrierUnavailable('HTTP 429', 120_000), { hooks: {}, attempts: 1 });
    expect(outcome).toMatchObject({ status: 'retried', delayMs: 120_000 });
    const row = await readEvent(sessions, id);
    expect(row.due_in_ms).toBeGreaterThan(118_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(120_000);
  });

  it('gives up after the last allowed attempt', async () => {
    const id = await leasedEvent(9);
    const outcome = await markFailed(sessions.open(), id, OWNER, carrierUnavailable(), { hooks: {}, attempts: 10, maxAttempts: 10 });
    expect(outcome.status).toBe('dead');
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'dead', attempts: 10, lease_owner: null });
  });

  it('gives up at once when the other side refuses for good, or the payload is invalid', async () => {
    const refused = await leasedEvent();
    const unauthorized = new CarrierError('the carrier answered HTTP 401', { retryable: false });
    expect((await markFailed(sessions.open(), refused, OWNER, unauthorized, { hooks: {}, attempts: 1 })).status).toBe('dead');
    expect(await readEvent(sessions, refused)).toMatchObject({ status: 'dead', attempts: 1 });

    const invalid = await leasedEvent();
    const error = new InvalidOutboxPayloadError(invalid, 'weight: must be positive');
    expect((await markFailed(sessions.open(), invalid, OWNER, error, { hooks: {}, attempts: 1 })).status).toBe('dead');
    expect((await readEvent(sessions, invalid)).last_error).toContain('weight: must be positive');
  });

  it('stores the error without the credentials it may carry', async () => {
    const id = await leasedEvent();
    const leaky = new Error('connect to postgres://hub:s3cr3t-pw@db:5432/hub failed', {
      cause: new Error('request had Authorization: Basic aHViOmh1Yi1zYW5kYm94 and password=hunter2'),
    });
    await markFailed(sessions.open(), id, OWNER, leaky, { hooks: {}, attempts: 1 });
    const { last_error: stored } = await readEvent(sessions, id);
    expect(stored).toContain('postgres://hub:[redacted]@db:5432/hub');
    expect(stored).toContain('caused by');
    expect(stored).not.toMatch(/s3cr3t-pw|aHViOmh1Yi1zYW5kYm94|hunter2/);
  });

  it.each([
    ['a retry', carrierUnavailable()],
    ['a refusal', new CarrierError('the carrier answered HTTP 401', { retryable: false })],
  ])('changes nothing when the lease passed to another replica (%s)', async (_, error) => {
    const id = await leasedEvent();
    const outcome = await markFailed(sessions.open(), id, 'replica-b', error, { hooks: {}, attempts: 1 });
    expect(outcome.status).toBe('lease_lost');
    expect(await readEvent(sessions, id)).toMatchObject({ status: 'in_flight', attempts: 1, lease_owner: OWNER, last_error: null });
  });
});
