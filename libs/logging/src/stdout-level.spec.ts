import { describe, expect, it } from 'vitest';
import { captureStdout } from '@hub/testing';

describe('the stdout logger level (LOG_LEVEL)', () => {
  it("takes the table's spellings in any case: WARNING drops INFO lines", () => {
    const stdout = captureStdout('level-test', 'WARNING');
    stdout.logger.info('hidden');
    stdout.logger.warn('shown');
    expect(stdout.lines().map((line) => [line['level'], line['msg']])).toEqual([['WARNING', 'shown']]);
  });

  it('logs at info and says so in one WARNING line when the level names nothing, instead of throwing', () => {
    const stdout = captureStdout('level-test', 'verbose');
    stdout.logger.debug('hidden');
    stdout.logger.info('shown');
    expect(stdout.lines().map((line) => [line['level'], line['msg']])).toEqual([
      ['WARNING', 'LOG_LEVEL "verbose" is not one of trace, debug, info, warn, error, fatal, silent: logging at info'],
      ['INFO', 'shown'],
    ]);
  });

  it('reads a blank level as info, without a warning', () => {
    const stdout = captureStdout('level-test', ' ');
    stdout.logger.debug('hidden');
    stdout.logger.info('shown');
    expect(stdout.lines().map((line) => line['msg'])).toEqual(['shown']);
  });
});
