import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionFactory } from '@hub/db';
import { EXTERNAL_ERROR_CODES, ExternalSystemError, type MoySkladRateLimiter, type MsRatePermit } from '@hub/integrations';
import { decideGrant, type GrantDecision } from './decide-grant';
import type { LoggerService } from '@hub/logging';
import { blockBucket, countRefusal, ensureBucket, forgetOldPermits, insertPermit, lockBucket, readUsage, releasePermit } from './rate-limit-sql';

/**
 * When 429s persist, МойСклад switches API access off (md/_restrictions.md lines 63–69: more than
 * 200 requests a minute answered 429). Far below that, 5 refusals within a minute stop every
 * replica for a minute.
 */
export const DEFAULT_COOL_DOWN = { refusals: 5, withinMs: 60_000, coolDownMs: 60_000 } as const;

export interface CoolDownRule {
  /** 429 answers (any replica) within `withinMs` that start a cool-down. */
  refusals: number;
  withinMs: number;
  /** How long every replica then stops calling. */
  coolDownMs: number;
}

export interface PgRateLimiterOptions {
  sessions: SessionFactory;
  /** Names the shared budget, e.g. `moysklad:<token fingerprint>`; every replica must use the same name. */
  bucket: string;
  windowMs: number;
  unitsPerWindow: number;
  parallel: number;
  /** How long a replica that died mid-request keeps its parallel slot (its units count a window longer). Default 60 s. */
  permitLeaseMs?: number;
  /**
   * Waiting longer than this for a permit fails the call instead, as a retryable error that
   * carries the wait, so the outbox reschedules the event rather than hold its lease. Default 30 s.
   */
  maxWaitMs?: number;
  /** Repeated 429s → every replica stops for a while; default {@link DEFAULT_COOL_DOWN}. */
  coolDown?: CoolDownRule;
  /** Where the one WARNING row about a cool-down goes (integration_logs in the scheduler). */
  logger?: Pick<LoggerService, 'warning'>;
}

/** A granted permit and when it was granted, on the database's clock. */
export interface PgRatePermit extends MsRatePermit {
  grantedAtMs: number;
}

export type GrantAttempt = { granted: true; permit: PgRatePermit } | Extract<GrantDecision, { grant: false }>;

/** The limiter plus one non-waiting attempt, for tests and diagnostics. */
export interface PgRateLimiter extends MoySkladRateLimiter {
  acquire(units: number, signal?: AbortSignal): Promise<PgRatePermit>;
  tryAcquire(units: number): Promise<GrantAttempt>;
}

/**
 * A МойСклад rate limiter kept in PostgreSQL, so that all scheduler replicas together stay
 * within the limits: each grant happens under a lock on the bucket's row and is recorded as a
 * permit (units, time, slot lease). A permit counts in the window until a window after its
 * answer was read, the latest its request can have arrived (see decideGrant): the window is
 * МойСклад's own, with no margin added. A 429 with a retry interval blocks the bucket for every
 * replica, so one refusal does not become a storm.
 */
export function createPgRateLimiter(options: PgRateLimiterOptions): PgRateLimiter {
  const limits = {
    windowMs: options.windowMs,
    unitsPerWindow: options.unitsPerWindow,
    parallel: options.parallel,
  };
  const leaseMs = options.permitLeaseMs ?? 60_000;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const coolDown = options.coolDown ?? DEFAULT_COOL_DOWN;
  let bucketReady: Promise<void> | undefined;

  const permitFor = (id: string, grantedAtMs: number): PgRatePermit => ({
    grantedAtMs,
    async release(outcome) {
      // The moment the answer was read, on this process's clock: waiting for a pooled connection
      // must not count as the request's time on the way (measured once the connection is held).
      const answeredAt = performance.now();
      await options.sessions.withSession((session) => releasePermit(session, id, performance.now() - answeredAt));
      const em = options.sessions.open();
      if (outcome.status !== 429) return;
      // Only the window limit comes with an interval (error 1049); a parallel refusal (1073) carries none.
      if (outcome.retryAfterMs !== undefined && outcome.retryAfterMs > 0) await blockBucket(em, options.bucket, outcome.retryAfterMs);
      const { refusals, coolDownStarted } = await countRefusal(em, options.bucket, {
        threshold: coolDown.refusals,
        withinMs: coolDown.withinMs,
        coolDownMs: coolDown.coolDownMs,
      });
      if (coolDownStarted) {
        await options.logger?.warning(
          `МойСклад answered 429 ${refusals} times within ${coolDown.withinMs / 1000} s: every replica will stop calling МойСклад for ${coolDown.coolDownMs / 1000} s, since persistent 429s switch API access off (md/_restrictions.md)`,
          { payload: { bucket: options.bucket, refusals, withinMs: coolDown.withinMs, coolDownMs: coolDown.coolDownMs } },
        );
      }
    },
  });

  async function tryAcquire(units: number): Promise<GrantAttempt> {
    bucketReady ??= ensureBucket(options.sessions.open(), options.bucket);
    await bucketReady;
    return options.sessions.withSession(async (em) => {
      const { nowMs, blockedMs } = await lockBucket(em, options.bucket);
      const usage = await readUsage(em, options.bucket, limits.windowMs);
      const decision = decideGrant({ nowMs, blockedMs, units, usage, limits });
      if (!decision.grant) return decision;
      const id = randomUUID();
      const grantedAtMs = await insertPermit(em, { id, bucket: options.bucket, units, leaseMs });
      await forgetOldPermits(em, options.bucket, 2 * limits.windowMs);
      return { granted: true as const, permit: permitFor(id, grantedAtMs) };
    });
  }

  return {
    tryAcquire,
    async acquire(units, signal) {
      let waited = 0;
      for (;;) {
        // A caller that gave up (its delivery timed out) takes no permit: it would spend the budget and send nothing.
        signal?.throwIfAborted();
        const attempt = await tryAcquire(units);
        if ('granted' in attempt) return attempt.permit;
        if (waited + attempt.waitMs > maxWaitMs) {
          throw new ExternalSystemError(`moysklad request not sent: its rate limit (${attempt.reason}) needs another ${attempt.waitMs} ms`, {
            system: 'moysklad',
            code: EXTERNAL_ERROR_CODES.rateLimited,
            retryable: true,
            retryAfterMs: attempt.waitMs,
          });
        }
        // Woken early by an abort, which the next turn of the loop throws.
        await sleep(attempt.waitMs, undefined, { signal }).catch(() => undefined);
        waited += attempt.waitMs;
      }
    },
  };
}

/**
 * The bucket МойСклад's limits count in: one per token (limits are per user or solution since
 * 2026-02-16, md/_restrictions.md), named by a hash so the token itself never reaches the database.
 */
export function moySkladRateBucket(token: string): string {
  return `moysklad:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}
