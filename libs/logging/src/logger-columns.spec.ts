import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import type { LogLevel, MikroORM } from '@hub/db';
import { LoggerService } from './logger-service';
import { MESSAGE_MAX_LENGTH } from './log-row';
import { captureStdout, readLogRows, type CapturedStdout } from './testing/log-capture';

describe('LoggerService columns', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let stdout: CapturedStdout;
  let logger: LoggerService;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openTestOrm(db.url);
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });
  beforeEach(async () => {
    await orm.em.fork().execute('truncate integration_logs');
    stdout = captureStdout('columns-test');
    logger = new LoggerService({ source: 'columns-test', session: () => orm.em.fork(), stdout: stdout.logger });
  });

  const onlyRow = async () => {
    const rows = await readLogRows(orm.em.fork());
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  it('writes one row per call with every field in its column, and the same on one stdout line', async () => {
    await logger.warning('HTTP error from MoySklad', {
      step: 'create_customer_order',
      status: 'error',
      externalSystem: 'moysklad',
      elapsedMs: 512,
      payload: { status: 429 },
    });
    expect(await onlyRow()).toEqual({
      level: 'WARNING',
      message: 'HTTP error from MoySklad',
      source: 'columns-test',
      run_id: null,
      request_id: null,
      job_id: null,
      job_name: null,
      step: 'create_customer_order',
      status: 'error',
      external_system: 'moysklad',
      elapsed_ms: 512,
      payload: { status: 429 },
      details: null,
    });
    expect(stdout.lines()).toEqual([
      expect.objectContaining({
        level: 'WARNING',
        msg: 'HTTP error from MoySklad',
        source: 'columns-test',
        step: 'create_customer_order',
        externalSystem: 'moysklad',
        elapsedMs: 512,
        payload: { status: 429 },
      }),
    ]);
  });

  it.each([
    ['debug', 'DEBUG'],
    ['info', 'INFO'],
    ['warning', 'WARNING'],
    ['error', 'ERROR'],
    ['critical', 'CRITICAL'],
  ] as const)('%s() writes level %s on both sides', async (method, level) => {
    await logger[method]('levelled');
    expect((await onlyRow()).level).toBe(level);
    expect(stdout.lines()[0]?.['level']).toBe(level);
  });

  it.each([
    ['warn', 'WARNING'],
    ['error', 'ERROR'],
    ['verbose', 'INFO'],
    [undefined, 'INFO'],
  ])('reads the untyped level %j as %s', async (given, stored) => {
    await logger.log({ level: given as LogLevel, message: 'untyped caller' });
    expect((await onlyRow()).level).toBe(stored);
  });

  it('cuts varchar fields to their column length instead of failing', async () => {
    await logger.log({
      level: 'INFO',
      message: 'long fields',
      source: 's'.repeat(100),
      step: '😀'.repeat(200),
      status: 'x'.repeat(33),
      externalSystem: 'y'.repeat(32),
    });
    const row = await onlyRow();
    expect(row.source).toBe(`${'s'.repeat(63)}…`);
    expect(row.step).toBe(`${'😀'.repeat(127)}…`);
    expect(row.status).toBe(`${'x'.repeat(31)}…`);
    expect(row.external_system).toBe('y'.repeat(32));
  });

  it('cuts a message longer than MESSAGE_MAX_LENGTH and says how long it was', async () => {
    await logger.info('m'.repeat(MESSAGE_MAX_LENGTH + 5));
    expect((await onlyRow()).message).toBe(
      `${'m'.repeat(MESSAGE_MAX_LENGTH)}… [truncated, ${MESSAGE_MAX_LENGTH + 5} characters in all]`,
    );
  });

  it.each([
    [12.6, 13],
    [NaN, null],
    [Infinity, null],
    [3_000_000_000, null],
    [null, null],
  ])('stores elapsedMs %s as %s', async (given, stored) => {
    await logger.info('timed', { elapsedMs: given });
    expect((await onlyRow()).elapsed_ms).toBe(stored);
  });
});
