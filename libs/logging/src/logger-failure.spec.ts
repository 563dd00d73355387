import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { MikroORM } from '@hub/db';
import { captureStdout, createEmptyTestDatabase, createTestDatabase, openTestOrm, useTestOrm, type TestDatabase } from '@hub/testing';
import { LOG_WRITE_FAILED_MESSAGE, LoggerService } from './logger-service';
import { createStdoutLogger } from '@hub/runtime';
import { readLogRows } from './testing/read-log-rows';
import { Registry } from 'prom-client';
import { LOG_WRITES_FAILED_METRIC, registerLogWriteFailures } from './log-write-metrics';

const RUN_ID = '3f1c6e2a-8b4d-4c1e-9a7f-2d5e8b1c0a41';
const UNREACHABLE_URL = 'postgres://postgres@127.0.0.1:9/integration_hub';

/** Logs one entry through `session` and returns the stdout lines it produced. */
async function logThrough(session: () => ReturnType<MikroORM['em']['fork']>) {
  const stdout = captureStdout('failure-test');
  const logger = new LoggerService({ source: 'failure-test', session, stdout: stdout.logger });
  const logged = logger.error('stock fetch failed', {
    runId: RUN_ID.toUpperCase(),
    step: 'fetch_stock',
    payload: { token: 'ms-token', warehouse: 'MSK-1' },
  });
  await expect(logged).resolves.toBeUndefined();
  return stdout.lines();
}

/** The one stdout line a failed write leaves: the reason, and the entry as it would have been stored. */
function expectFailureLine(lines: Record<string, unknown>[], reason: RegExp) {
  expect(lines).toHaveLength(1);
  const [line] = lines;
  expect(line).toMatchObject({
    level: 'ERROR',
    msg: LOG_WRITE_FAILED_MESSAGE,
    source: 'failure-test',
    runId: RUN_ID,
    entry: {
      level: 'ERROR',
      message: 'stock fetch failed',
      source: 'failure-test',
      runId: RUN_ID,
      step: 'fetch_stock',
      payload: { token: '[redacted]', warehouse: 'MSK-1' },
    },
  });
  expect(line!['reason']).toMatch(reason);
}

describe('LoggerService when the database write fails', () => {
  const databases: TestDatabase[] = [];
  const orms: MikroORM[] = [];

  afterAll(async () => {
    for (const orm of orms) await orm.close(true);
    for (const db of databases) await db.drop();
  });

  async function openOn(db: TestDatabase): Promise<MikroORM> {
    databases.push(db);
    const orm = await openTestOrm(db.url);
    orms.push(orm);
    return orm;
  }

  it('writes the entry to stdout with the reason when integration_logs does not exist', async () => {
    const orm = await openOn(await createEmptyTestDatabase());
    expectFailureLine(await logThrough(() => orm.em.fork()), /relation "integration_logs" does not exist/);
  });

  it('writes the entry to stdout with the reason when the ORM is closed', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const orm = await openTestOrm(db.url);
    await orm.close(true);
    expectFailureLine(await logThrough(() => orm.em.fork()), /Unable to acquire a connection/);
  });

  it('writes the entry to stdout with the reason when the server cannot be reached', async () => {
    const orm = await openTestOrm(UNREACHABLE_URL);
    orms.push(orm);
    expectFailureLine(await logThrough(() => orm.em.fork()), /ECONNREFUSED/);
  });

  it('writes the entry to stdout with the reason when no session can be had', async () => {
    expectFailureLine(
      await logThrough(() => {
        throw new Error('no session today');
      }),
      /no session today/,
    );
  });

  it('uses getSession by default and reports that the process never connected', async () => {
    const stdout = captureStdout('failure-test');
    const logger = new LoggerService({ source: 'failure-test', stdout: stdout.logger });
    await logger.info('before connectDatabase');
    expect(stdout.lines()).toEqual([expect.objectContaining({ msg: LOG_WRITE_FAILED_MESSAGE, reason: expect.stringMatching(/connectDatabase/) })]);
  });
});

describe('LoggerService counting the entries it could not store', () => {
  const database = useTestOrm();

  it('numbers each failed entry on stdout and counts only those in hub_log_writes_failed_total', async () => {
    const stdout = captureStdout('count-test');
    let databaseUp = false;
    const logger = new LoggerService({
      source: 'count-test',
      session: () => {
        if (!databaseUp) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        return database.orm.em.fork();
      },
      stdout: stdout.logger,
    });
    const registry = new Registry();
    registerLogWriteFailures(registry, logger);
    const scraped = async () => (await registry.getSingleMetric(LOG_WRITES_FAILED_METRIC)!.get()).values[0]?.value;

    expect(await scraped()).toBe(0);
    await logger.error('first lost');
    await logger.warning('second lost');
    expect(await scraped()).toBe(2);
    databaseUp = true;
    await logger.info('stored');
    await logger.info('stored too');
    // A scrape reads the count; it does not add to it.
    expect(await scraped()).toBe(2);
    expect(logger.failedWrites).toBe(2);

    const failed = stdout.lines().filter((line) => line['msg'] === LOG_WRITE_FAILED_MESSAGE);
    expect(failed.map((line) => [line['failedWrites'], (line['entry'] as { message: string }).message])).toEqual([
      [1, 'first lost'],
      [2, 'second lost'],
    ]);
    expect((await readLogRows(database.orm.em.fork())).map((row) => row.message)).toEqual(['stored', 'stored too']);
  });
});

describe('LoggerService when stdout fails', () => {
  const database = useTestOrm();
  const brokenStdout = createStdoutLogger('broken', 'debug', {
    write: () => {
      throw new Error('EPIPE: stdout closed');
    },
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('still writes the row and does not reject', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const logger = new LoggerService({ source: 'broken', session: () => database.orm.em.fork(), stdout: brokenStdout });
    await expect(logger.info('row survives')).resolves.toBeUndefined();
    expect((await readLogRows(database.orm.em.fork())).map((row) => row.message)).toEqual(['row survives']);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('EPIPE: stdout closed'));
  });

  it('reports on stderr when neither the database nor stdout takes the entry', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const logger = new LoggerService({
      source: 'broken',
      session: () => {
        throw new Error('database is down');
      },
      stdout: brokenStdout,
    });
    await expect(logger.critical('nowhere to go')).resolves.toBeUndefined();
    const written = stderr.mock.calls.map(([text]) => JSON.parse(String(text)) as Record<string, unknown>);
    expect(written).toEqual([{ level: 'ERROR', msg: 'log entry lost', reason: 'EPIPE: stdout closed' }]);
  });
});
