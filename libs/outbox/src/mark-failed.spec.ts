import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@hub/db';
import { ExternalSystemError } from '@hub/integrations';
import { useTestOrm } from '@hub/testing';
import { InvalidOutboxPayloadError } from './errors';
import { markFailed } from './mark-failed';
import { claimDueEvents } from './sql/claim-due-events';
import { markDelivered } from './sql/mark-delivered';
import { clearOutbox, enqueueOne, readEvent, updateEvent } from './testing/outbox-rows';

const OWNER = 'replica-a';
const serverError = (retryAfterMs?: number) =>
  new ExternalSystemError('1c POST /transfer-orders answered HTTP 503', {
    system: '1c',
    code: 'http_5xx',
    status: 503,
    retryable: true,
    retryAfterMs,
  });

describe('recording delivery outcomes', () => {
  const database = useTestOrm();
  let orm: MikroORM;

  /** One event, claimed by OWNER (which counts its attempt), with `failures` failed attempts behind it. */
  async function leasedEvent(failures = 0): Promise<string> {
    const id = await enqueueOne(orm);
    await updateEvent(orm, id, `attempts = ${failures}`);
    await orm.em.fork().transactional((em) => claimDueEvents(em, { owner: OWNER, limit: 1, leaseMs: 60_000 }));
    return id;
  }

  beforeAll(() => {
    orm = database.orm;
  });
  beforeEach(() => clearOutbox(orm));

  it('marks a delivery done for the lease holder, with the response reference', async () => {
    const id = await leasedEvent();
    expect(await markDelivered(orm.em.fork(), id, OWNER, '1c-order-17')).toBe(true);
    expect(await readEvent(orm, id)).toMatchObject({
      status: 'delivered',
      response_ref: '1c-order-17',
      delivered: true,
      attempts: 1,
      lease_owner: null,
    });
  });

  it('ignores markDelivered from a replica that does not hold the lease', async () => {
    const id = await leasedEvent();
    expect(await markDelivered(orm.em.fork(), id, 'replica-b', 'stolen')).toBe(false);
    expect(await readEvent(orm, id)).toMatchObject({ status: 'in_flight', lease_owner: OWNER, response_ref: null });
  });

  it('schedules the first retry within a second (full jitter) and keeps the error', async () => {
    const id = await leasedEvent();
    const outcome = await markFailed(orm.em.fork(), id, OWNER, serverError(), { attempts: 1 });

    expect(outcome.status).toBe('retried');
    const row = await readEvent(orm, id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lease_owner: null, lease_left_ms: null });
    expect(row.last_error).toContain('HTTP 503');
    expect(row.due_in_ms).toBeGreaterThan(-1_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(1_000);
  });

  it('widens the backoff window with each failure', async () => {
    const id = await leasedEvent(5);
    await markFailed(orm.em.fork(), id, OWNER, serverError(), { attempts: 6, random: () => 0.999 });
    const row = await readEvent(orm, id);
    // Sixth failure: window 1 s · 2^5 = 32 s.
    expect(row.due_in_ms).toBeGreaterThan(30_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(32_000);
  });

  it("waits as long as the other side's Retry-After asks", async () => {
    const id = await leasedEvent();
    const outcome = await markFailed(orm.em.fork(), id, OWNER, serverError(120_000), { attempts: 1 });
    expect(outcome).toMatchObject({ status: 'retried', delayMs: 120_000 });
    const row = await readEvent(orm, id);
    expect(row.due_in_ms).toBeGreaterThan(118_000);
    expect(row.due_in_ms).toBeLessThanOrEqual(120_000);
  });

  it('gives up after the last allowed attempt', async () => {
    const id = await leasedEvent(9);
    const outcome = await markFailed(orm.em.fork(), id, OWNER, serverError(), { attempts: 10, maxAttempts: 10 });
    expect(outcome.status).toBe('dead');
    expect(await readEvent(orm, id)).toMatchObject({ status: 'dead', attempts: 10, lease_owner: null });
  });

  it('gives up at once when the other side refuses for good, or the payload is invalid', async () => {
    const refused = await leasedEvent();
    const unauthorized = new ExternalSystemError('1c POST /transfer-orders answered HTTP 401', {
      system: '1c',
      code: 'http_401',
      status: 401,
      retryable: false,
    });
    expect((await markFailed(orm.em.fork(), refused, OWNER, unauthorized, { attempts: 1 })).status).toBe('dead');
    expect(await readEvent(orm, refused)).toMatchObject({ status: 'dead', attempts: 1 });

    const invalid = await leasedEvent();
    const error = new InvalidOutboxPayloadError(invalid, 'lines: must not be empty');
    expect((await markFailed(orm.em.fork(), invalid, OWNER, error, { attempts: 1 })).status).toBe('dead');
    expect((await readEvent(orm, invalid)).last_error).toContain('lines: must not be empty');
  });

  it('stores the error without the credentials it may carry', async () => {
    const id = await leasedEvent();
    const leaky = new Error('connect to postgres://hub:s3cr3t-pw@db:5432/hub failed', {
      cause: new Error('request had Authorization: Basic aHViOmh1Yi1zYW5kYm94 and password=hunter2'),
    });
    await markFailed(orm.em.fork(), id, OWNER, leaky, { attempts: 1 });
    const { last_error: stored } = await readEvent(orm, id);
    expect(stored).toContain('postgres://hub:[redacted]@db:5432/hub');
    expect(stored).toContain('caused by');
    expect(stored).not.toMatch(/s3cr3t-pw|aHViOmh1Yi1zYW5kYm94|hunter2/);
  });

  it('changes nothing when the lease passed to another replica', async () => {
    const id = await leasedEvent();
    const outcome = await markFailed(orm.em.fork(), id, 'replica-b', serverError(), { attempts: 1 });
    expect(outcome.status).toBe('lease_lost');
    expect(await readEvent(orm, id)).toMatchObject({ status: 'in_flight', attempts: 1, lease_owner: OWNER });
  });
});
