import { describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { findFreePort } from '@hub/testing';
import { isDatabaseUnreachable } from './database-unreachable';

const SERVER_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** What node-postgres rejects with when connecting to `url` and asking `sql`. */
async function failureOf(url: string, sql = 'select 1'): Promise<unknown> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(sql);
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const coded = (code: string, message = 'failure') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it('is true for a server that is not there', async () => {
    const refused = await failureOf(`postgres://postgres@127.0.0.1:${await findFreePort()}/postgres`);
    expect(refused).toBeDefined();
    expect(isDatabaseUnreachable(refused)).toBe(true);
  });

  it('is false for what a retry cannot cure: a missing database, a bad statement', async () => {
    const url = new URL(SERVER_URL);
    url.pathname = '/hub_no_such_database_unreachable_spec';
    const missing = await failureOf(url.toString());
    expect(missing).toMatchObject({ code: '3D000' });
    expect(isDatabaseUnreachable(missing)).toBe(false);
    const syntax = await failureOf(SERVER_URL, 'selec 1');
    expect(syntax).toMatchObject({ code: '42601' });
    expect(isDatabaseUnreachable(syntax)).toBe(false);
  });

  it('is true for a shutting-down server and connection exceptions, but not for a protocol violation (the client’s bug)', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', '08003']) expect(isDatabaseUnreachable(coded(code)), code).toBe(true);
    expect(isDatabaseUnreachable(coded('08P01', 'invalid message format'))).toBe(false);
  });

  it('finds the driver’s error under the wrappers, and in a refusal of several addresses', () => {
    const wrapped = new Error('DriverException: connect ECONNREFUSED', { cause: new Error('pool', { cause: coded('ECONNREFUSED') }) });
    expect(isDatabaseUnreachable(wrapped)).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')], ''))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(coded('57014', 'canceling statement due to statement timeout'))).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});
