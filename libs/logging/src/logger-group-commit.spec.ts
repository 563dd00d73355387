import { describe, expect, it } from 'vitest';
import { latch, waitFor } from '@hub/testing';
import { LOG_WRITE_FAILED_MESSAGE } from './logger-service';
import { MAX_ROWS_PER_STATEMENT } from './log-write-queue';
import { useLoggerTestBed } from './testing/logger-test-bed';

const WAIT_MS = 10_000;

describe('LoggerService writing a burst of calls (group commit)', () => {
  const bed = useLoggerTestBed('group-test');

  /** The rows in id order with the transaction that wrote each: one autocommitted statement, one xmin. */
  const storedWithStatement = () =>
    bed.orm.em.fork().execute<{ message: string; statement: string }[]>('select message, xmin::text as statement from integration_logs order by id', [], 'all');

  /** How many rows each statement wrote, in the order the statements ran. */
  function rowsPerStatement(rows: { statement: string }[]): number[] {
    const counts: number[] = [];
    rows.forEach((row, index) => {
      if (index > 0 && rows[index - 1]!.statement === row.statement) counts[counts.length - 1]! += 1;
      else counts.push(1);
    });
    return counts;
  }

  const failureLines = () => bed.stdout.lines().filter((line) => line['msg'] === LOG_WRITE_FAILED_MESSAGE);

  it('writes the first call at once and the calls made meanwhile together, every row in call order', async () => {
    const messages = Array.from({ length: 200 }, (_, index) => `burst ${index}`);
    await Promise.all(messages.map((message) => bed.logger.info(message)));

    const rows = await storedWithStatement();
    expect(rows.map((row) => row.message)).toEqual(messages);
    expect(rowsPerStatement(rows)).toEqual([1, 199]);
    expect(bed.stdout.lines().map((line) => line['msg'])).toEqual(messages);
  });

  it(`puts at most ${MAX_ROWS_PER_STATEMENT} rows in one statement`, async () => {
    const messages = Array.from({ length: 2 * MAX_ROWS_PER_STATEMENT + 1 }, (_, index) => `burst ${index}`);
    await Promise.all(messages.map((message) => bed.logger.debug(message)));

    const rows = await storedWithStatement();
    expect(rows.map((row) => row.message)).toEqual(messages);
    expect(rowsPerStatement(rows)).toEqual([1, MAX_ROWS_PER_STATEMENT, MAX_ROWS_PER_STATEMENT]);
  });

  it('stores every other row of a batch when the database refuses one, and reports only that one', async () => {
    await bed.orm.em.fork().execute(`alter table integration_logs add constraint group_test_refuses check (message <> 'refused')`);
    try {
      const messages = ['first', 'good 1', 'good 2', 'refused', 'good 3', 'good 4'];
      await Promise.all(messages.map((message) => bed.logger.warning(message)));

      expect((await bed.rows()).map((row) => row.message)).toEqual(['first', 'good 1', 'good 2', 'good 3', 'good 4']);
      expect(failureLines()).toEqual([
        expect.objectContaining({
          failedWrites: 1,
          reason: expect.stringMatching(/^23514: new row .*violates check constraint "group_test_refuses"$/),
          entry: expect.objectContaining({ message: 'refused' }),
        }),
      ]);
      expect(bed.logger.failedWrites).toBe(1);
      expect(
        bed.stdout
          .lines()
          .filter((line) => line['level'] === 'WARNING')
          .map((line) => line['msg']),
      ).toEqual(['first', 'good 1', 'good 2', 'good 3', 'good 4']);
    } finally {
      await bed.orm.em.fork().execute('alter table integration_logs drop constraint group_test_refuses');
    }
  });

  it('reports every row of a batch once when the database goes away in the middle of it', async () => {
    // The table locked, each statement waits where the spec can see it; ending its backend is the outage.
    const beforeFirst = lockLogTable();
    await beforeFirst.locked.wait();
    const first = bed.logger.error('first');
    const batch = ['lost 1', 'lost 2', 'lost 3', 'lost 4'].map((message) => bed.logger.error(message));
    await waitFor(() => waitingFor('insert into integration_logs'), WAIT_MS, 'the first row never waited for the lock');
    // Asked for while the first row waits, the second lock is granted after that row and before the batch.
    const beforeBatch = lockLogTable();
    await waitFor(() => waitingFor('lock table integration_logs'), WAIT_MS, 'the second lock was never asked for');
    beforeFirst.release();
    await Promise.all([beforeFirst.done, first]);
    const batchBackend = await waitFor(() => waitingFor('insert into integration_logs'), WAIT_MS, 'the batch never waited for the lock');
    await bed.orm.em.fork().execute('select pg_terminate_backend(?)', [batchBackend]);
    beforeBatch.release();
    await Promise.all([beforeBatch.done, ...batch]);

    // The pool may hand out the ended connection once more before it has seen the socket close.
    const stored = await waitFor(() => bed.rows().catch(() => undefined), WAIT_MS, 'integration_logs could not be read after the outage');
    expect(stored.map((row) => row.message)).toEqual(['first']);
    const failed = failureLines();
    expect(failed.map((line) => [line['failedWrites'], (line['entry'] as { message: string }).message])).toEqual([
      [1, 'lost 1'],
      [2, 'lost 2'],
      [3, 'lost 3'],
      [4, 'lost 4'],
    ]);
    for (const line of failed) expect(line['reason']).toMatch(/terminating connection due to administrator command/);
    expect(bed.logger.failedWrites).toBe(4);
  });

  /** Holds integration_logs locked, in a transaction of its own, until `release`. */
  function lockLogTable() {
    const locked = latch('integration_logs locked');
    const released = latch('integration_logs released');
    const done = bed.orm.em.fork().transactional(async (tx) => {
      await tx.execute('lock table integration_logs in access exclusive mode');
      locked.open();
      await released.wait(WAIT_MS * 3);
    });
    return { locked, release: () => released.open(), done };
  }

  /** The backend of a statement containing `statement` that waits for a lock. */
  async function waitingFor(statement: string): Promise<number | undefined> {
    const waiting = await bed.orm.em.fork().execute<{ pid: number }[]>(
      `select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%' || ? || '%'`,
      [statement],
      'all',
    );
    return waiting[0]?.pid;
  }
});
