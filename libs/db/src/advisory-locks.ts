import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Every PostgreSQL advisory lock the hub takes, in one registry, so no two uses can pick the
 * same key by accident. The numbers are arbitrary but fixed: replicas of every version must agree.
 */
export const ADVISORY_LOCKS = {
  /** Session lock while migrations are applied: one process at a time, the others wait. */
  migrations: 7_261_000_001,
  /** Transaction lock while a run reads open orders, plans and writes: runs never order the same goods twice. */
  planning: 7_261_000_002,
  /** Transaction lock around a run's admission check and insert: one run per overlapping target. */
  runAdmission: 7_261_000_003,
  /** Transaction lock held (idle) while one replica removes expired integration_logs rows: the others skip the day's cleanup. */
  logRetention: 7_261_000_004,
} as const;
export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

const LOCK_FOR_TRANSACTION = `select pg_advisory_xact_lock(?::bigint)`;
const TRY_LOCK_FOR_TRANSACTION = `select pg_try_advisory_xact_lock(?::bigint) as "acquired"`;

/** Takes `lock` until the transaction of `em` ends (waits while another holds it). */
export async function lockForTransaction(em: EntityManager, lock: AdvisoryLock): Promise<void> {
  await em.execute(LOCK_FOR_TRANSACTION, [ADVISORY_LOCKS[lock]], 'run');
}

/** Takes `lock` until the transaction of `em` ends if no one else holds it; false (without waiting) when another does. */
export async function tryLockForTransaction(em: EntityManager, lock: AdvisoryLock): Promise<boolean> {
  const [row] = await em.execute<{ acquired: boolean }[]>(TRY_LOCK_FOR_TRANSACTION, [ADVISORY_LOCKS[lock]], 'all');
  return row?.acquired === true;
}
