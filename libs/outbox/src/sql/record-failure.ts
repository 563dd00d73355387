import type { EntityManager } from '@hub/db';

const SCHEDULE_RETRY = `
  update outbox_events
  set status = 'pending',
      attempts = attempts + 1,
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
      attempts = attempts + 1,
      last_error = ?,
      lease_owner = null,
      lease_expires_at = null,
      updated_at = now()
  where id = ?::uuid and status = 'in_flight' and lease_owner = ?
  returning id`;

/**
 * Puts a leased event back to pending, due `delayMs` from the database's now.
 * Returns false when `owner` no longer holds the lease.
 */
export async function scheduleRetry(em: EntityManager, id: string, owner: string, lastError: string, delayMs: number): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(SCHEDULE_RETRY, [Math.round(delayMs), lastError, id, owner], 'all');
  return rows.length > 0;
}

/** Gives up on a leased event: it stays dead until retried by hand. False when the lease is gone. */
export async function markDead(em: EntityManager, id: string, owner: string, lastError: string): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(MARK_DEAD, [lastError, id, owner], 'all');
  return rows.length > 0;
}
