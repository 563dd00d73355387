import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { latch, within } from '@hub/testing';
import { LoggerService } from '../logger-service';
import { useLoggerTestBed } from '../testing/logger-test-bed';
import { cleanupExpiredLogs, type LogCleanupResult } from './cleanup-expired-logs';
import { logRetentionFromEnv, retentionCutoff } from './retention-settings';
import { LOG_CLEANUP_JOB_NAME, readLogRetentionStatus } from './retention-sql';

const RETENTION = { days: 90 };
const SECOND = 1_000;

describe('cleanupExpiredLogs on a real integration_logs table', () => {
  const bed = useLoggerTestBed('retention-test');
  // The reference clock of each test; the rows are placed around the cutoff it gives.
  const now = new Date();
  const cutoff = retentionCutoff(RETENTION, now);
  const at = (offsetMs: number) => new Date(cutoff.getTime() + offsetMs);

  /** Inserts one row per time, its message naming it; resolves to the ids in order. */
  async function insertAt(label: string, times: Date[]): Promise<string[]> {
    const rows = await bed.sessions.open().execute<{ id: string }[]>(
      `insert into integration_logs (created_at, level, message, step)
       select t, 'INFO', ? || ' ' || n, 'seeded' from unnest(?::timestamptz[]) with ordinality as x(t, n)
       returning id::text as id`,
      [label, `{${times.map((time) => `"${time.toISOString()}"`).join(',')}}`],
      'all',
    );
    return rows.map((row) => row.id);
  }
  const expiredTimes = (count: number) => Array.from({ length: count }, (_, i) => at(-(count - i) * SECOND));
  const seededIds = async () =>
    (await bed.sessions.open().execute<{ id: string }[]>(`select id::text as id from integration_logs where step = 'seeded' order by id`, [], 'all')).map(
      (row) => row.id,
    );
  const cleanupRows = () =>
    bed.sessions
      .open()
      .execute<{ message: string; status: string; payload: Record<string, unknown> }[]>(
        `select message, status, payload from integration_logs where job_name = ? order by id`,
        [LOG_CLEANUP_JOB_NAME],
        'all',
      );

  it('removes the expired rows in several batches and touches nothing at or after the cutoff', async () => {
    await insertAt('expired', expiredTimes(25));
    const kept = await insertAt('kept', [at(0), at(SECOND), at(60 * SECOND), new Date(now.getTime() - 86_400_000)]);
    const before = await bed.rows();

    const result = await cleanupExpiredLogs({ sessions: bed.sessions, logger: bed.logger }, { retention: RETENTION, now: () => now, batchSize: 10 });

    expect(result).toEqual({ status: 'completed', cutoff, removed: 25, batches: 3, complete: true });
    expect(await seededIds()).toEqual(kept);
    // The kept rows are exactly as they were, every column.
    const keptBefore = before.filter((row) => row.message.startsWith('kept'));
    expect((await bed.rows()).filter((row) => row.message.startsWith('kept'))).toEqual(keptBefore);
    const [logged] = await cleanupRows();
    expect(logged).toMatchObject({
      status: 'completed',
      payload: { removed: 25, batches: 3, cutoff: cutoff.toISOString(), retentionDays: 90, complete: true },
    });
    const status = await readLogRetentionStatus(bed.sessions.open());
    expect(status.oldestEntryAt).toEqual(at(0));
    expect(status.lastCleanup).toMatchObject({ removed: 25, cutoff });
  });

  it('reads no oldest entry and no last cleanup from an empty table', async () => {
    expect(await readLogRetentionStatus(bed.sessions.open())).toEqual({ oldestEntryAt: null, lastCleanup: null });
  });

  it('removes the oldest first, stops at its per-run bound, and runs once a day', async () => {
    const expired = await insertAt('expired', expiredTimes(25));
    const deps = { sessions: bed.sessions, logger: bed.logger };

    const bounded = await cleanupExpiredLogs(deps, { retention: RETENTION, now: () => now, batchSize: 10, maxRows: 15 });
    expect(bounded).toEqual({ status: 'completed', cutoff, removed: 15, batches: 2, complete: false });
    expect(await seededIds()).toEqual(expired.slice(15));

    const again = await cleanupExpiredLogs(deps, { retention: RETENTION, now: () => now, batchSize: 10 });
    expect(again).toEqual({ status: 'skipped', reason: 'done-recently' });
    expect(await seededIds()).toEqual(expired.slice(15));
    expect(await cleanupRows()).toHaveLength(1);
  });

  it('lets a writer insert while it runs: the insert completes between two batches and its row stays', async () => {
    await insertAt('expired', expiredTimes(30));
    let written: Promise<void> | undefined;
    let insertedWhileRunning = false;
    const result = await cleanupExpiredLogs(
      { sessions: bed.sessions, logger: bed.logger },
      {
        retention: RETENTION,
        now: () => now,
        batchSize: 10,
        afterBatch: async ({ batches }) => {
          // Started after the first batch, awaited after the second: the cleanup is still running
          // (this hook is part of it) and the lock it holds must not hold the insert up.
          if (batches === 1) written = bed.logger.info('written during the cleanup', { step: 'writer' });
          if (batches === 2) {
            await within(written!, 'the insert made during the cleanup did not complete');
            insertedWhileRunning = true;
          }
        },
      },
    );
    expect(insertedWhileRunning).toBe(true);
    expect(result).toMatchObject({ status: 'completed', removed: 30, complete: true });
    const writerRows = await bed.sessions.open().execute(`select 1 from integration_logs where step = 'writer'`, [], 'all');
    expect(writerRows).toHaveLength(1);
    expect(await seededIds()).toEqual([]);
  });

  it('runs on one replica only: a second one started meanwhile skips, and a later one finds the day done', async () => {
    await insertAt('expired', expiredTimes(20));
    const replicaB = new LoggerService({ source: 'replica-b', session: bed.sessions.open, stdout: bed.stdout.logger });
    const secondStarted = latch('replica B finished its attempt');
    let second: LogCleanupResult | undefined;
    const first = await cleanupExpiredLogs(
      { sessions: bed.sessions, logger: bed.logger },
      {
        retention: RETENTION,
        now: () => now,
        batchSize: 10,
        afterBatch: async ({ batches }) => {
          if (batches !== 1) return;
          // Replica A holds the lock mid-cleanup while replica B tries.
          second = await cleanupExpiredLogs({ sessions: bed.sessions, logger: replicaB }, { retention: RETENTION, now: () => now, batchSize: 10 });
          secondStarted.open();
        },
      },
    );
    await secondStarted.wait();
    expect(second).toEqual({ status: 'skipped', reason: 'running-elsewhere' });
    expect(first).toMatchObject({ status: 'completed', removed: 20 });
    const later = await cleanupExpiredLogs({ sessions: bed.sessions, logger: replicaB }, { retention: RETENTION, now: () => now });
    expect(later).toEqual({ status: 'skipped', reason: 'done-recently' });
    expect(await cleanupRows()).toHaveLength(1);
  });

  it('reports a failure mid-way with what it removed so far, and releases the lock', async () => {
    await insertAt('expired', expiredTimes(25));
    const deps = { sessions: bed.sessions, logger: bed.logger };
    const failed = await cleanupExpiredLogs(deps, {
      retention: RETENTION,
      now: () => now,
      batchSize: 10,
      afterBatch: async ({ batches }) => {
        // The table goes away under the cleanup (a restore, say): the next batch fails.
        if (batches === 1) await bed.sessions.open().execute('alter table integration_logs rename to integration_logs_away');
      },
    });
    await bed.sessions.open().execute('alter table integration_logs_away rename to integration_logs');
    expect(failed).toMatchObject({ status: 'failed', cutoff, removed: 10 });
    expect(failed.status === 'failed' && failed.error).toContain('integration_logs');
    expect(await seededIds()).toHaveLength(15);
    // Nothing finished, the lock is free: the next run removes the rest.
    const next = await cleanupExpiredLogs(deps, { retention: RETENTION, now: () => now, batchSize: 10 });
    expect(next).toMatchObject({ status: 'completed', removed: 15 });
  });
});

describe('LOG_RETENTION_DAYS', () => {
  it('defaults to 90 days, takes a whole number of days, and 0 keeps the logs forever', () => {
    expect(logRetentionFromEnv({})).toEqual({ kind: 'days', days: 90 });
    expect(logRetentionFromEnv({ LOG_RETENTION_DAYS: ' ' })).toEqual({ kind: 'days', days: 90 });
    expect(logRetentionFromEnv({ LOG_RETENTION_DAYS: '30' })).toEqual({ kind: 'days', days: 30 });
    expect(logRetentionFromEnv({ LOG_RETENTION_DAYS: '0' })).toEqual({ kind: 'keep-forever' });
  });

  it.each(['-1', '1.5', 'ninety', '90d'])('refuses %j, naming the variable', (value) => {
    const read = () => logRetentionFromEnv({ LOG_RETENTION_DAYS: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('LOG_RETENTION_DAYS must be a whole number of days (0 keeps the logs forever)');
  });

  it('refuses more than a hundred years, naming the variable', () => {
    expect(logRetentionFromEnv({ LOG_RETENTION_DAYS: '36500' })).toEqual({ kind: 'days', days: 36_500 });
    expect(() => logRetentionFromEnv({ LOG_RETENTION_DAYS: '1000000000' })).toThrow('LOG_RETENTION_DAYS must be at most 36500 days (0 keeps the logs forever)');
  });
});
