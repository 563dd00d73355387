import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { readApiConfig } from './config';

describe('readApiConfig', () => {
  it('waits 30 s for runs at shutdown unless API_SHUTDOWN_GRACE_MS says otherwise (blank is unset, as compose passes it)', () => {
    expect(readApiConfig({}).API_SHUTDOWN_GRACE_MS).toBe(30_000);
    expect(readApiConfig({ API_SHUTDOWN_GRACE_MS: ' ' }).API_SHUTDOWN_GRACE_MS).toBe(30_000);
    expect(readApiConfig({ API_SHUTDOWN_GRACE_MS: '200' }).API_SHUTDOWN_GRACE_MS).toBe(200);
    expect(readApiConfig({ API_SHUTDOWN_GRACE_MS: '0' }).API_SHUTDOWN_GRACE_MS).toBe(0);
  });

  it('retries a database that is not there yet for 30 s unless DATABASE_CONNECT_TIMEOUT_MS says otherwise', () => {
    expect(readApiConfig({}).DATABASE_CONNECT_TIMEOUT_MS).toBe(30_000);
    expect(readApiConfig({ DATABASE_CONNECT_TIMEOUT_MS: '' }).DATABASE_CONNECT_TIMEOUT_MS).toBe(30_000);
    expect(readApiConfig({ DATABASE_CONNECT_TIMEOUT_MS: '120000' }).DATABASE_CONNECT_TIMEOUT_MS).toBe(120_000);
  });

  it.each([
    [{ DATABASE_CONNECT_TIMEOUT_MS: '30s' }, 'DATABASE_CONNECT_TIMEOUT_MS must be a number of milliseconds'],
    [{ API_SHUTDOWN_GRACE_MS: 'soon' }, 'API_SHUTDOWN_GRACE_MS must be a number of milliseconds'],
    [{ API_SHUTDOWN_GRACE_MS: '1.5' }, 'API_SHUTDOWN_GRACE_MS must be a whole number of milliseconds'],
    [{ API_SHUTDOWN_GRACE_MS: '-1' }, 'API_SHUTDOWN_GRACE_MS must not be negative'],
  ])('refuses %o by name', (env, message) => {
    const read = () => readApiConfig(env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  describe('authentication', () => {
    const TOKEN = 'a-token-of-16-characters';

    it.each([
      ['no token outside production: off, for npm run dev', {}, { kind: 'off', why: 'API_TOKEN unset outside production' }],
      ['a token: writes and reads', { API_TOKEN: TOKEN }, { kind: 'token', token: TOKEN, reads: true }],
      ['a token in production', { API_TOKEN: TOKEN, NODE_ENV: 'production' }, { kind: 'token', token: TOKEN, reads: true }],
      ['API_AUTH_READS=off: writes only', { API_TOKEN: TOKEN, API_AUTH_READS: 'OFF' }, { kind: 'token', token: TOKEN, reads: false }],
      ['API_AUTH=off in production, said explicitly', { NODE_ENV: 'production', API_AUTH: 'off' }, { kind: 'off', why: 'API_AUTH=off' }],
      ['API_AUTH=off wins over a token', { API_TOKEN: TOKEN, API_AUTH: 'off' }, { kind: 'off', why: 'API_AUTH=off' }],
      ['blank API_AUTH is unset (compose passes it so)', { API_TOKEN: TOKEN, API_AUTH: ' ', API_AUTH_READS: '' }, { kind: 'token', token: TOKEN, reads: true }],
    ])('%s', (_case, env, auth) => {
      expect(readApiConfig(env).auth).toEqual(auth);
    });

    it.each([
      [{ NODE_ENV: 'production' }, 'API_TOKEN is required with NODE_ENV=production'],
      [{ NODE_ENV: 'production', API_AUTH: '' }, 'or set API_AUTH=off'],
      [{ API_AUTH: 'on' }, 'API_TOKEN is required with API_AUTH=on'],
      [{ API_AUTH: 'yes' }, 'API_AUTH must be on or off'],
      [{ API_TOKEN: TOKEN, API_AUTH_READS: 'false' }, 'API_AUTH_READS must be on or off'],
      [{ API_TOKEN: 'short' }, 'API_TOKEN must be at least 16 characters'],
    ])('refuses to start with %o, in one line naming the variable', (env, message) => {
      const read = () => readApiConfig(env);
      expect(read).toThrow(ConfigError);
      expect(read).toThrow(message);
      try {
        read();
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    });
  });
});
