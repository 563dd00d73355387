import { describe, expect, it } from 'vitest';
import type { LogLevel } from '@hub/db';
import { MESSAGE_MAX_LENGTH } from './log-row';
import { useLoggerTestBed } from './testing/logger-test-bed';

describe('LoggerService columns', () => {
  const bed = useLoggerTestBed('columns-test');

  it('writes one row per call with every field in its column, and the same on one stdout line', async () => {
    await bed.logger.warning('HTTP error from MoySklad', {
      step: 'create_customer_order',
      status: 'error',
      externalSystem: 'moysklad',
      elapsedMs: 512,
      payload: { status: 429 },
    });
    expect(await bed.onlyRow()).toEqual({
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
    expect(bed.stdout.lines()).toEqual([
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
    await bed.logger[method]('levelled');
    expect((await bed.onlyRow()).level).toBe(level);
    expect(bed.stdout.lines()[0]?.['level']).toBe(level);
  });

  it.each([
    ['warn', 'WARNING'],
    ['error', 'ERROR'],
    ['verbose', 'INFO'],
    [undefined, 'INFO'],
  ])('reads the untyped level %j as %s', async (given, stored) => {
    await bed.logger.log({ level: given as LogLevel, message: 'untyped caller' });
    expect((await bed.onlyRow()).level).toBe(stored);
  });

  it('cuts varchar fields to their column length instead of failing', async () => {
    await bed.logger.log({
      level: 'INFO',
      message: 'long fields',
      source: 's'.repeat(100),
      step: '😀'.repeat(200),
      status: 'x'.repeat(33),
      externalSystem: 'y'.repeat(32),
    });
    const row = await bed.onlyRow();
    expect(row.source).toBe(`${'s'.repeat(63)}…`);
    expect(row.step).toBe(`${'😀'.repeat(127)}…`);
    expect(row.status).toBe(`${'x'.repeat(31)}…`);
    expect(row.external_system).toBe('y'.repeat(32));
  });

  it('cuts a message longer than MESSAGE_MAX_LENGTH and says how long it was', async () => {
    await bed.logger.info('m'.repeat(MESSAGE_MAX_LENGTH + 5));
    expect((await bed.onlyRow()).message).toBe(`${'m'.repeat(MESSAGE_MAX_LENGTH)}… [truncated, ${MESSAGE_MAX_LENGTH + 5} characters in all]`);
  });

  it.each([
    [12.6, 13],
    [NaN, null],
    [Infinity, null],
    [3_000_000_000, null],
    [null, null],
  ])('stores elapsedMs %s as %s', async (given, stored) => {
    await bed.logger.info('timed', { elapsedMs: given });
    expect((await bed.onlyRow()).elapsed_ms).toBe(stored);
  });
});
