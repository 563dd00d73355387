import type { EntityManager } from '@hub/db';
import { notifyDead, type AggregateHookRegistry, type SettledAggregate } from '../aggregate-hooks';

// The attempt was counted when the event was claimed; a failure only records its outcome.
const SCHEDULE_RETRY = `
  update outbox_events
  set status = 'pending',
      next_attempt_at = now() + ?::integer * interval '1 millisecond',
      last_error = ?,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  where id = ?::uuid and status = 'in_flight' and lease_owner = ?
  returning id`;

const MARK_DEAD = `
  update outbox_events
  set status = 'dead',
      last_error = ?,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  where id = ?::uuid and status = 'in_flight' and lease_owner = ?
  returning id, aggregate_type, aggregate_id`;

/**
 * Puts a leased event back to pending, due `delayMs` from the database's now.
 * Returns false when `owner` no longer holds the lease.
 */
export async function scheduleRetry(em: EntityManager, id: string, owner: string, lastError: string, delayMs: number): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(SCHEDULE_RETRY, [Math.ceil(delayMs), lastError, id, owner], 'all');
  return rows.length > 0;
}

/**
 * Gives up on a leased event and, in the same transaction, tells its aggregate's `dead`
 * hook. It stays dead until retried by hand. False when the lease is gone (nothing changed).
 */
export async function markDead(em: EntityManager, id: string, owner: string, lastError: string, hooks: AggregateHookRegistry): Promise<boolean> {
  return em.transactional(async (tx) => {
    const rows = await tx.execute<(SettledAggregate & { id: string })[]>(MARK_DEAD, [lastError, id, owner], 'all');
    await notifyDead(tx, hooks, rows);
    return rows.length > 0;
  });
}
