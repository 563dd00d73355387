import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { eventNamesOf } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const OUTBOX = 'http://localhost/api/v1/outbox';

interface EventBody {
  id: string;
  status: string;
  attempts: number;
  payload?: unknown;
  [column: string]: unknown;
}
interface Page {
  items: EventBody[];
  next_cursor: string | null;
  next_before: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

describe('GET /api/v1/outbox and /api/v1/outbox/stats', () => {
  let fx: ApiFixture;
  // Oldest first: a delivered 1С event, a dead one, then three pending МойСклад events.
  let ids: string[];
  const get = async <T>(path: string) => {
    const response = await fx.app.request(`${OUTBOX}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`));
    ids = [
      await seedOutboxEvent(fx.sessions, {
        ...eventNamesOf(TRANSFER_ORDER),
        set: "status = 'delivered', delivered_at = now(), response_ref = '1c-00042', attempts = 1",
      }),
      await seedOutboxEvent(fx.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT, payload: { hubOrderId: 'order-1', note: '<b>bold</b>' } }),
    ];
    for (let index = 0; index < 3; index += 1) {
      ids.push(await seedOutboxEvent(fx.sessions, eventNamesOf(EXTERNAL_ORDER)));
    }
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('lists events newest first with every column, the payload only with include=payload', async () => {
    const { status, body } = await get<Page>('');
    expect(status).toBe(200);
    expect(body.items.map((item) => item.id)).toEqual([...ids].reverse());
    expect([body.next_cursor, body.next_before]).toEqual([null, null]);
    expect(body.items.at(-1)).toEqual({
      id: ids[0],
      aggregate_type: 'transfer_order',
      aggregate_id: expect.any(String),
      event_type: 'CREATE_1C_TRANSFER_ORDER',
      status: 'delivered',
      attempts: 1,
      next_attempt_at: expect.any(String),
      lease_owner: null,
      lease_expires_at: null,
      last_error: null,
      response_ref: '1c-00042',
      created_at: expect.any(String),
      updated_at: expect.any(String),
      delivered_at: expect.any(String),
    });
    const dead = await get<{ items: EventBody[] }>('?status=dead&include=payload');
    expect(dead.body.items).toEqual([
      expect.objectContaining({
        id: ids[1],
        last_error: 'the other side answered 500: internal error',
        payload: { hubOrderId: 'order-1', note: '<b>bold</b>' },
      }),
    ]);
  });

  it('filters by event type and pages with limit and cursor, as every list does, next_before beside next_cursor', async () => {
    const first = await get<Page>('?event_type=CREATE_MS_CUSTOMER_ORDER&limit=2');
    expect(first.body.items.map((item) => item.id)).toEqual([ids[4], ids[3]]);
    expect(first.body).toMatchObject({ next_cursor: ids[3], next_before: ids[3] });
    const second = await get<Page>(`?event_type=CREATE_MS_CUSTOMER_ORDER&limit=2&cursor=${ids[3]}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[2] })], next_cursor: null, next_before: null });
  });

  it('still pages with before, the older name of cursor, and takes both when they agree', async () => {
    const pages: string[][] = [];
    let before: string | null = null;
    do {
      const { status, body }: { status: number; body: Page } = await get<Page>(`?limit=2${before === null ? '' : `&before=${before}`}`);
      expect(status).toBe(200);
      expect(body.next_before).toBe(body.next_cursor);
      pages.push(body.items.map((item) => item.id));
      before = body.next_before;
    } while (before !== null && pages.length < 10);
    expect(pages).toEqual([[ids[4], ids[3]], [ids[2], ids[1]], [ids[0]]]);
    const both = await get<Page>(`?limit=2&cursor=${ids[3]}&before=${ids[3]?.toUpperCase()}`);
    expect([both.status, both.body.items.map((item) => item.id)]).toEqual([200, [ids[2], ids[1]]]);
  });

  it('answers 422 conflicting_values naming cursor when cursor and before differ, listing nothing', async () => {
    const { status, body } = await get<ErrorBody>(`?cursor=${ids[3]}&before=${ids[1]}`);
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: 'conflicting_values', field: 'cursor', message: 'cursor differs from before, its alias; give one of them' });
  });

  it.each([
    ['cursor', 'next_cursor'],
    ['before', 'next_before'],
  ])('answers an unknown %s with 422 unknown_cursor naming that field and the answer field it comes from', async (field, next) => {
    const unknown = randomUUID();
    const { status, body } = await get<ErrorBody>(`?${field}=${unknown}`);
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: 'unknown_cursor', field, message: `No outbox event with id ${unknown}: pass the ${next} of the previous page` });
  });

  it.each([
    ['an unknown status', '?status=failed', 'status', 'invalid_value'],
    ['an empty status', '?status=', 'status', 'invalid_value'],
    ['an unknown event type', '?event_type=CREATE_SOMETHING', 'event_type', 'invalid_value'],
    ['a limit of 0', '?limit=0', 'limit', 'invalid_value'],
    ['a limit over 200', '?limit=201', 'limit', 'invalid_value'],
    ['a limit that is not a number', '?limit=ten', 'limit', 'invalid_value'],
    ['a fractional limit', '?limit=2.5', 'limit', 'invalid_value'],
    ['a limit in exponent notation', '?limit=1e1', 'limit', 'invalid_value'],
    ['a before that is not a UUID', '?before=yesterday', 'before', 'invalid_value'],
    ['a cursor that is not a UUID', '?cursor=yesterday', 'cursor', 'invalid_value'],
    ['before given twice', `?before=${randomUUID()}&before=${randomUUID()}`, 'before', 'invalid_value'],
    ['an include other than payload', '?include=lines', 'include', 'invalid_value'],
    ['a misspelt filter', '?eventType=CREATE_1C_TRANSFER_ORDER', 'eventType', 'unknown_field'],
  ])('answers 422 naming the field for %s', async (_case, query, field, code) => {
    const { status, body } = await get<ErrorBody>(query);
    expect(status).toBe(422);
    expect(body.error).toEqual({ code, field, message: expect.stringContaining(field) });
  });

  it('counts events by status and by type, with the oldest pending age', async () => {
    const { status, body } = await get<Record<string, unknown>>('/stats');
    expect(status).toBe(200);
    expect(body).toEqual({
      by_status: { pending: 3, in_flight: 0, delivered: 1, dead: 1 },
      by_event_type: {
        CREATE_1C_TRANSFER_ORDER: { by_status: { pending: 0, in_flight: 0, delivered: 1, dead: 1 }, oldest_pending_age_seconds: null },
        CREATE_MS_CUSTOMER_ORDER: { by_status: { pending: 3, in_flight: 0, delivered: 0, dead: 0 }, oldest_pending_age_seconds: expect.any(Number) },
      },
      oldest_pending_age_seconds: expect.any(Number),
    });
  });
});
