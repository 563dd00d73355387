import { describe, expect, it } from 'vitest';
import { LoggerService } from './logger-service';
import { useLoggerTestBed } from './testing/logger-test-bed';

const SECRETS = ['hunter2', 'Bearer eyJhbGciOi', 'ms-token-123', 'key-456', 'postgres://hub:pw@db/hub', 'cs-789', 'c00kie'];

/** A request as an integration client might log it, secrets at several depths and spellings. */
function loggedRequest() {
  return {
    url: 'https://api.moysklad.ru/api/remap/1.2/entity/customerorder',
    password: 'hunter2',
    headers: new Headers({ Authorization: 'Bearer eyJhbGciOi', 'Idempotency-Key': 'evt-1' }),
    auth: { nested: { deeper: { ACCESS_TOKEN: 'ms-token-123' } } },
    list: [{ 'x-api-key': 'key-456' }],
    env: new Map([['DATABASE_URL', 'postgres://hub:pw@db/hub']]),
    client_secret: 'cs-789',
    Cookie: 'c00kie',
  };
}

const REDACTED_REQUEST = {
  url: 'https://api.moysklad.ru/api/remap/1.2/entity/customerorder',
  password: '[redacted]',
  headers: { authorization: '[redacted]', 'idempotency-key': 'evt-1' },
  auth: { nested: { deeper: { ACCESS_TOKEN: '[redacted]' } } },
  list: [{ 'x-api-key': '[redacted]' }],
  env: { DATABASE_URL: '[redacted]' },
  client_secret: '[redacted]',
  Cookie: '[redacted]',
};

describe('secrets in logs', () => {
  const bed = useLoggerTestBed('secrets-test');

  it('never reach integration_logs, at any depth or spelling', async () => {
    await bed.logger.info('request sent', { payload: { request: loggedRequest() }, details: loggedRequest() });
    const [row] = await bed.rows();
    expect(row!.payload).toEqual({ request: REDACTED_REQUEST });
    expect(row!.details).toEqual(REDACTED_REQUEST);
    const stored = JSON.stringify(row);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
  });

  it('never reach the stdout line of a logged entry', async () => {
    await bed.logger.info('request sent', { payload: loggedRequest() });
    expect(bed.stdout.lines()[0]?.['payload']).toEqual(REDACTED_REQUEST);
    for (const secret of SECRETS) expect(bed.stdout.text()).not.toContain(secret);
  });

  it('never reach stdout when the database write fails either', async () => {
    const failing = new LoggerService({
      source: 'secrets-test',
      session: () => {
        throw new Error('database is down');
      },
      stdout: bed.stdout.logger,
    });
    await failing.error('request failed', { details: loggedRequest() });
    expect(bed.stdout.lines()[0]?.['entry']).toMatchObject({ details: REDACTED_REQUEST });
    for (const secret of SECRETS) expect(bed.stdout.text()).not.toContain(secret);
  });

  it('never reach stdout through the stdout logger used directly, its child bindings or errors', () => {
    const child = bed.stdout.logger.child({ token: 'ms-token-123' });
    child.info({ request: loggedRequest() }, 'direct');
    const error = Object.assign(new Error('refused'), { config: { headers: { Authorization: 'Bearer eyJhbGciOi' } } });
    bed.stdout.logger.error({ err: error }, 'with error');
    // A grandchild keeps both generations' bindings, each redacted, at any depth.
    child.child({ upstream: { connection: { auth: { Password: 'hunter2' } } }, system: '1c' }).info('deep');
    const [direct, withError, deep] = bed.stdout.lines();
    expect(direct).toMatchObject({ token: '[redacted]', request: REDACTED_REQUEST });
    expect(withError).toMatchObject({ err: { message: 'refused', config: { headers: { Authorization: '[redacted]' } } } });
    expect(deep).toMatchObject({ token: '[redacted]', system: '1c', upstream: { connection: { auth: { Password: '[redacted]' } } }, msg: 'deep' });
    for (const secret of SECRETS) expect(bed.stdout.text()).not.toContain(secret);
  });

  it('never reach either through a URL quoted in the message or in a value under a harmless key', async () => {
    const url = 'postgres://hub:hunter2@db:5432/integration_hub';
    await bed.logger.error(`connect to ${url} failed`, { details: { reason: `cannot reach ${url}`, target: url } });
    const row = await bed.onlyRow();
    expect(row.message).toBe('connect to postgres://hub:[redacted]@db:5432/integration_hub failed');
    expect(row.details).toEqual({
      reason: 'cannot reach postgres://hub:[redacted]@db:5432/integration_hub',
      target: 'postgres://hub:[redacted]@db:5432/integration_hub',
    });
    expect(bed.stdout.text()).toContain('postgres://hub:[redacted]@db:5432/integration_hub');
    expect(bed.stdout.text()).not.toContain('hunter2');
  });

  it('leaves URLs without a password as they are', async () => {
    await bed.logger.info('calling https://api.moysklad.ru/api/remap/1.2/entity/store', { details: { url: 'http://hub@127.0.0.1:8100/x' } });
    const row = await bed.onlyRow();
    expect(row.message).toBe('calling https://api.moysklad.ru/api/remap/1.2/entity/store');
    expect(row.details).toEqual({ url: 'http://hub@127.0.0.1:8100/x' });
  });
});
