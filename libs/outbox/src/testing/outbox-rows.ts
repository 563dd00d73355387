/** Test support (imported by specs only): writing and reading outbox rows directly. */
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM, OutboxEventType, OutboxStatus } from '@hub/db';
import { enqueueEvent } from '../enqueue';

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

/** Enqueues one event per aggregate id given (a fresh aggregate when omitted), in one transaction. */
export async function enqueueEvents(
  orm: MikroORM,
  aggregateIds: string[],
  eventType: OutboxEventType = 'CREATE_1C_TRANSFER_ORDER',
  payload: Record<string, unknown> = {},
): Promise<string[]> {
  return orm.em.fork().transactional(async (em: EntityManager) => {
    const ids: string[] = [];
    for (const aggregateId of aggregateIds) {
      ids.push(await enqueueEvent(em, { aggregateType: 'transfer_order', aggregateId, eventType, payload }));
    }
    return ids;
  });
}

/** Shorthand: one event on a new aggregate. */
export async function enqueueOne(orm: MikroORM, eventType?: OutboxEventType, payload?: Record<string, unknown>): Promise<string> {
  const [id] = await enqueueEvents(orm, [randomUUID()], eventType, payload);
  return id as string;
}

/** Arranges a row's state for a test, e.g. `set: "next_attempt_at = now() + interval '1 hour'"`. */
export async function updateEvent(orm: MikroORM, id: string, set: string): Promise<void> {
  await orm.em.fork().execute(`update outbox_events set ${set} where id = ?::uuid`, [id], 'run');
}

export async function readEvent(orm: MikroORM, id: string): Promise<OutboxRow> {
  const [row] = await orm.em.fork().execute<OutboxRow[]>(
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
export async function clearOutbox(orm: MikroORM): Promise<void> {
  await orm.em.fork().execute('delete from outbox_events', [], 'run');
}
