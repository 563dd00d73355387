import { Client } from 'pg';
import { describe, expect, it } from 'vitest';
import { findFreePort } from '@hub/testing';
import { DatabaseConnectionError, describeDatabaseTarget, explainConnectionFailure } from './connection-error';

async function connectionFailure(url: string): Promise<unknown> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
  throw new Error(`${url} accepted the connection`);
}

describe('explainConnectionFailure', () => {
  it('names the server, the reason and the fix for a refused connection, never the password', async () => {
    const url = `postgres://hub:s3cret-pw@127.0.0.1:${await findFreePort()}/integration_hub`;
    const explained = explainConnectionFailure(await connectionFailure(url), url);
    expect(explained).toBeInstanceOf(DatabaseConnectionError);
    expect(explained).toMatchObject({ code: 'ECONNREFUSED' });
    const { message } = explained as Error;
    expect(message).toMatch(/^Cannot connect to PostgreSQL at hub@127\.0\.0\.1:\d+\/integration_hub: connect ECONNREFUSED/);
    expect(message).toContain('start PostgreSQL, or correct the host and port in DATABASE_URL');
    expect(message).not.toContain('s3cret-pw');
  });

  it('tells a missing database apart, with the command that creates it', () => {
    const missing = Object.assign(new Error('database "nodb" does not exist'), { code: '3D000' });
    const { message } = explainConnectionFailure(missing, 'postgres://postgres@db:5432/nodb') as Error;
    expect(message).toBe(
      'Cannot connect to PostgreSQL at postgres@db:5432/nodb: database "nodb" does not exist. ' +
        'The database does not exist: create it (createdb <name>), or correct its name in DATABASE_URL.',
    );
  });

  it('names a refused password as the thing to fix', () => {
    const refused = Object.assign(new Error('password authentication failed for user "hub"'), { code: '28P01' });
    expect((explainConnectionFailure(refused, 'postgres://hub:wrong@db/hub') as Error).message).toContain('correct the user and password in DATABASE_URL');
  });

  it('passes every other error through unchanged, and does not wrap twice', () => {
    const other = Object.assign(new Error('relation "x" does not exist'), { code: '42P01' });
    expect(explainConnectionFailure(other, 'postgres://db/hub')).toBe(other);
    const explained = explainConnectionFailure(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }), 'postgres://db/hub');
    expect(explainConnectionFailure(explained, 'postgres://db/hub')).toBe(explained);
  });
});

describe('describeDatabaseTarget', () => {
  it('keeps user, host, port and database and drops the password', () => {
    expect(describeDatabaseTarget('postgres://hub:pw@db.internal:6543/integration_hub?sslmode=require')).toBe('hub@db.internal:6543/integration_hub');
    expect(describeDatabaseTarget('postgres://db/hub')).toBe('db:5432/hub');
    expect(describeDatabaseTarget('not a url pw')).toBe('the DATABASE_URL given (not a valid URL)');
  });
});
