import { connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort, latch, within } from '@hub/testing';
import { DatabaseConnectionError } from './connection-error';
import { DatabaseUnavailableError, readDatabaseConnectTimeout, waitForDatabase } from './wait-for-database';

const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A logger that keeps what it is told. */
function recorder() {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  return { lines, logger: { warn: (fields: object, message: string) => void lines.push({ fields: fields as Record<string, unknown>, message }) } };
}

describe('waitForDatabase', () => {
  it('resolves at once, logging nothing, when the server answers', async () => {
    const { lines, logger } = recorder();
    await waitForDatabase(SERVER_URL, { timeoutMs: 5_000, logger });
    expect(lines).toEqual([]);
  });

  it('retries a refused connection with a doubling delay, then gives up naming the attempts, never the password', async () => {
    const url = `postgres://hub:s3cret-pw@127.0.0.1:${await findFreePort()}/integration_hub`;
    const { lines, logger } = recorder();
    const failure = await waitForDatabase(url, { timeoutMs: 1_000, logger }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.map((line) => line.fields['attempt'])).toEqual(lines.map((_, index) => index + 1));
    expect(lines[0]?.fields).toMatchObject({
      delayMs: 250,
      database: expect.stringMatching(/^hub@127\.0\.0\.1:\d+\/integration_hub$/),
      reason: expect.stringContaining('ECONNREFUSED'),
    });
    expect(lines[1]?.fields['delayMs']).toBeLessThanOrEqual(500);
    expect((failure as Error).message).toMatch(
      new RegExp(
        `^Cannot connect to PostgreSQL at hub@127\\.0\\.0\\.1:\\d+/integration_hub: gave up after ${lines.length + 1} attempt\\(s\\) over 1000 ms \\(DATABASE_CONNECT_TIMEOUT_MS\\); last error: .*ECONNREFUSED`,
      ),
    );
    expect(JSON.stringify(lines) + (failure as Error).message).not.toContain('s3cret-pw');
  });

  it('makes one attempt with a timeout of 0', async () => {
    const { lines, logger } = recorder();
    const failure = await waitForDatabase(`postgres://postgres@127.0.0.1:${await findFreePort()}/postgres`, { timeoutMs: 0, logger }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'DatabaseUnavailableError', attempts: 1 });
    expect(lines).toEqual([]);
  });

  it('fails at once, without retrying, for a database that does not exist', async () => {
    const url = new URL(SERVER_URL);
    url.pathname = '/hub_no_such_database';
    const { lines, logger } = recorder();
    const failure = await waitForDatabase(url.toString(), { timeoutMs: 30_000, logger }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DatabaseConnectionError);
    expect(failure).toMatchObject({ code: '3D000' });
    expect(lines).toEqual([]);
  });

  it('goes on once the server appears during the window', async () => {
    const port = await findFreePort();
    const { lines, logger } = recorder();
    const firstRefusal = latch('the first attempt refused');
    const waiting = waitForDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, {
      timeoutMs: 30_000,
      logger: { warn: (fields, message) => (logger.warn(fields, message), firstRefusal.open()) },
    });
    await firstRefusal.wait();
    // A stand-in that forwards to the real server: "PostgreSQL" appears on the port the app was given.
    const target = new URL(SERVER_URL);
    const proxy = createServer((socket) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    try {
      await within(waiting, 'waitForDatabase did not notice the server', 15_000);
      expect(lines.length).toBeGreaterThanOrEqual(1);
    } finally {
      proxy.close();
    }
  });
});

describe('DATABASE_CONNECT_TIMEOUT_MS', () => {
  it('defaults to 30 s and refuses what is not a whole number of milliseconds, naming the variable', () => {
    expect(readDatabaseConnectTimeout({})).toBe(30_000);
    expect(readDatabaseConnectTimeout({ DATABASE_CONNECT_TIMEOUT_MS: ' ' })).toBe(30_000);
    expect(readDatabaseConnectTimeout({ DATABASE_CONNECT_TIMEOUT_MS: '5000' })).toBe(5_000);
    expect(() => readDatabaseConnectTimeout({ DATABASE_CONNECT_TIMEOUT_MS: 'soon' })).toThrow('DATABASE_CONNECT_TIMEOUT_MS must be a number of milliseconds');
    expect(() => readDatabaseConnectTimeout({ DATABASE_CONNECT_TIMEOUT_MS: '-1' })).toThrow('DATABASE_CONNECT_TIMEOUT_MS must not be negative');
  });
});
