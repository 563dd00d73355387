/** Test support (specs only): writing outbox events and reading or arranging their rows directly. */
import { randomUUID } from 'node:crypto';
import type { OutboxStatus, SessionFactory } from '@hub/db';
import { enqueueEvent } from '../enqueue';
import type { ClaimedEvent } from '../sql/claim-due-events';

/** The event type and aggregate type the outbox's own specs use: the outbox knows no real ones. */
export const TEST_EVENT_TYPE = 'SHIP_PARCEL';
export const TEST_AGGREGATE_TYPE = 'parcel';

export interface OutboxRow {
  id: string;
  status: OutboxStatus;
  attempts: number;
  lease_owner: string | null;
  last_error: string | null;
  response_ref: string | null;
  delivered: boolean;
  /** next_attempt_at − the database's now(), in ms. */
  due_in_ms: number;
  /** lease_expires_at − the database's now(), in ms; null without a lease. */
  lease_left_ms: number | null;
}

/** An outbox event to seed; everything optional. */
export interface SeededEvent {
  aggregateType?: string;
  aggregateId?: string;
  eventType?: string;
  payload?: Record<string, unknown>;
  /** An SQL `set` list applied after the insert, e.g. `status = 'dead', attempts = 10`. */
  set?: string;
}

/** A dead event, as the scheduler leaves it after its last failed attempt. */
export const DEAD_EVENT = "status = 'dead', attempts = 10, last_error = 'the other side answered 500: internal error'";

/** Writes one event (on a fresh aggregate unless given) and arranges its state; returns its id. */
export async function seedOutboxEvent(sessions: SessionFactory, event: SeededEvent = {}): Promise<string> {
  const id = await sessions.withSession((em) =>
    enqueueEvent(em, {
      aggregateType: event.aggregateType ?? TEST_AGGREGATE_TYPE,
      aggregateId: event.aggregateId ?? randomUUID(),
      eventType: event.eventType ?? TEST_EVENT_TYPE,
      payload: event.payload ?? {},
    }),
  );
  if (event.set) await updateEvent(sessions, id, event.set);
  return id;
}

/** Enqueues one event per aggregate id given, in one transaction, in that sequence. */
export async function enqueueEvents(
  sessions: SessionFactory,
  aggregateIds: readonly string[],
  eventType: string = TEST_EVENT_TYPE,
  payload: Record<string, unknown> = {},
): Promise<string[]> {
  return sessions.withSession(async (em) => {
    const ids: string[] = [];
    for (const aggregateId of aggregateIds) ids.push(await enqueueEvent(em, { aggregateType: TEST_AGGREGATE_TYPE, aggregateId, eventType, payload }));
    return ids;
  });
}

/** Shorthand: one event on a new aggregate. */
export async function enqueueOne(sessions: SessionFactory, eventType?: string, payload?: Record<string, unknown>): Promise<string> {
  const [id] = await enqueueEvents(sessions, [randomUUID()], eventType, payload);
  return id as string;
}

/** Arranges a row's state for a test, e.g. `set: "next_attempt_at = now() + interval '1 hour'"`. */
export async function updateEvent(sessions: SessionFactory, id: string, set: string): Promise<void> {
  await sessions.open().execute(`update outbox_events set ${set} where id = ?::uuid`, [id], 'run');
}

export async function readEvent(sessions: SessionFactory, id: string): Promise<OutboxRow> {
  const [row] = await sessions.open().execute<OutboxRow[]>(
    `select id, status, attempts, lease_owner, last_error, response_ref, delivered_at is not null as delivered,
       (extract(epoch from next_attempt_at - now()) * 1000)::float8 as due_in_ms,
       (extract(epoch from lease_expires_at - now()) * 1000)::float8 as lease_left_ms
     from outbox_events where id = ?::uuid`,
    [id],
    'all',
  );
  if (!row) throw new Error(`outbox event ${id} not found`);
  return row;
}

/** Removes every event, so each test starts from an empty outbox. */
export async function clearOutbox(sessions: SessionFactory): Promise<void> {
  await sessions.open().execute('delete from outbox_events', [], 'run');
}

/** The lease times of a `heldEvent`: no handler reads them, so they are fixed rather than read off the clock. */
const HELD_AT = new Date('2026-01-01T00:00:00Z');

/**
 * An event as the replica holding its lease hands it to a handler, for calling a handler
 * directly (as a replica that took the event over would).
 */
export function heldEvent(
  event: Pick<ClaimedEvent, 'id' | 'aggregateType' | 'aggregateId' | 'eventType' | 'payload' | 'attempts'>,
  leaseOwner = 'replica-b',
): ClaimedEvent {
  return { ...event, leaseOwner, leaseExpiresAt: HELD_AT, createdAt: HELD_AT };
}
