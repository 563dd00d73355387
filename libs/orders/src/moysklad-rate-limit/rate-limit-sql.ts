import { toDate, type EntityManager } from '@hub/db';

/*
 * Every time here is the database's clock_timestamp(): all replicas share one clock, so a
 * window means the same to each of them.
 */

const ENSURE_BUCKET = `insert into rate_limit_buckets (name) values (?) on conflict (name) do nothing`;

/** Locks the bucket for the rest of the transaction: grants of all replicas go one at a time. */
const LOCK_BUCKET = `select clock_timestamp() as now, blocked_until from rate_limit_buckets where name = ? for update`;

/**
 * A permit's lease ends when its answer is read (RELEASE_PERMIT) or, for a replica that died
 * mid-request, when the lease runs out: either way the latest moment its request can have
 * reached МойСклад. The permit counts in the window until a window after that moment, and holds
 * a parallel slot until it. Rows released before leases ended this way have a null lease and
 * count from their grant.
 */
const REACHED_BY = `coalesce(lease_expires_at, granted_at)`;

/** Permits still inside the window or still holding a parallel slot, oldest first. */
const READ_USAGE = `
  select ${REACHED_BY} as reached_by, units,
    coalesce(lease_expires_at > clock_timestamp(), false) as in_flight
  from rate_limit_permits
  where bucket = ? and ${REACHED_BY} > clock_timestamp() - ?::integer * interval '1 millisecond'
  order by ${REACHED_BY}`;

const INSERT_PERMIT = `
  insert into rate_limit_permits (id, bucket, units, granted_at, lease_expires_at)
  values (?::uuid, ?, ?, clock_timestamp(), clock_timestamp() + ?::integer * interval '1 millisecond')
  returning granted_at`;

/** Keeps the table small: permits that can no longer count for anything. */
const FORGET_OLD_PERMITS = `
  delete from rate_limit_permits
  where bucket = ? and ${REACHED_BY} < clock_timestamp() - ?::integer * interval '1 millisecond'`;

/**
 * The answer was read (or the exchange failed and its connection is closed) the given
 * milliseconds ago: the request reached МойСклад by then, if at all, and its slot is free.
 */
const RELEASE_PERMIT = `
  update rate_limit_permits
  set lease_expires_at = least(lease_expires_at, greatest(granted_at, clock_timestamp() - ?::integer * interval '1 millisecond'))
  where id = ?::uuid`;

/** Never shortens a block another replica already set. */
const BLOCK_BUCKET = `
  update rate_limit_buckets
  set blocked_until = greatest(coalesce(blocked_until, clock_timestamp()), clock_timestamp() + ?::integer * interval '1 millisecond'),
      updated_at = now()
  where name = ?`;

export interface PermitUsage {
  /** The latest moment the request can have reached МойСклад: its answer, else its lease's end. */
  reachedByMs: number;
  units: number;
  inFlight: boolean;
}

export async function ensureBucket(em: EntityManager, bucket: string): Promise<void> {
  await em.execute(ENSURE_BUCKET, [bucket], 'run');
}

export async function lockBucket(em: EntityManager, bucket: string): Promise<{ nowMs: number; blockedMs: number }> {
  const [row] = await em.execute<Array<{ now: string; blocked_until: string | null }>>(LOCK_BUCKET, [bucket], 'all');
  if (!row) throw new Error(`rate limit bucket ${bucket} does not exist`);
  const nowMs = toDate(row.now).getTime();
  return { nowMs, blockedMs: row.blocked_until === null ? 0 : Math.max(0, toDate(row.blocked_until).getTime() - nowMs) };
}

export async function readUsage(em: EntityManager, bucket: string, windowMs: number): Promise<PermitUsage[]> {
  const rows = await em.execute<Array<{ reached_by: string; units: number; in_flight: boolean }>>(READ_USAGE, [bucket, windowMs], 'all');
  return rows.map((row) => ({ reachedByMs: toDate(row.reached_by).getTime(), units: row.units, inFlight: row.in_flight }));
}

/** Records a grant; returns its time on the database's clock. */
export async function insertPermit(em: EntityManager, permit: { id: string; bucket: string; units: number; leaseMs: number }): Promise<number> {
  const [row] = await em.execute<Array<{ granted_at: string }>>(INSERT_PERMIT, [permit.id, permit.bucket, permit.units, permit.leaseMs], 'all');
  if (!row) throw new Error(`permit ${permit.id} was not recorded`);
  return toDate(row.granted_at).getTime();
}

export async function forgetOldPermits(em: EntityManager, bucket: string, olderThanMs: number): Promise<void> {
  await em.execute(FORGET_OLD_PERMITS, [bucket, olderThanMs], 'run');
}

export async function releasePermit(em: EntityManager, id: string, answeredMsAgo: number): Promise<void> {
  await em.execute(RELEASE_PERMIT, [Math.max(0, Math.floor(answeredMsAgo)), id], 'run');
}

export async function blockBucket(em: EntityManager, bucket: string, forMs: number): Promise<void> {
  await em.execute(BLOCK_BUCKET, [Math.round(forMs), bucket], 'run');
}

/**
 * Counts one 429 answer: the count restarts when the previous one began longer than `withinMs`
 * ago. Past `threshold` within that span, and unless a cool-down is already running, the bucket
 * is blocked for `coolDownMs`: the row comes back only to the one replica that started it.
 */
const COUNT_REFUSAL = `
  update rate_limit_buckets set
    refusals = case when refusals_since > clock_timestamp() - ?::integer * interval '1 millisecond' then refusals + 1 else 1 end,
    refusals_since = case when refusals_since > clock_timestamp() - ?::integer * interval '1 millisecond' then refusals_since else clock_timestamp() end,
    updated_at = now()
  where name = ?
  returning refusals`;

const START_COOL_DOWN = `
  update rate_limit_buckets set
    cooling_until = clock_timestamp() + ?::integer * interval '1 millisecond',
    blocked_until = greatest(coalesce(blocked_until, clock_timestamp()), clock_timestamp() + ?::integer * interval '1 millisecond'),
    refusals = 0, refusals_since = null, updated_at = now()
  where name = ? and (cooling_until is null or cooling_until < clock_timestamp())
  returning cooling_until`;

/** Records a 429 and, past the threshold, starts the cool-down; true for the one caller that started it. */
export async function countRefusal(
  em: EntityManager,
  bucket: string,
  rule: { threshold: number; withinMs: number; coolDownMs: number },
): Promise<{ refusals: number; coolDownStarted: boolean }> {
  const [counted] = await em.execute<Array<{ refusals: number }>>(COUNT_REFUSAL, [rule.withinMs, rule.withinMs, bucket], 'all');
  const refusals = counted?.refusals ?? 0;
  if (refusals < rule.threshold) return { refusals, coolDownStarted: false };
  const started = await em.execute<unknown[]>(START_COOL_DOWN, [rule.coolDownMs, rule.coolDownMs, bucket], 'all');
  return { refusals, coolDownStarted: started.length > 0 };
}
