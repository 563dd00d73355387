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
});
