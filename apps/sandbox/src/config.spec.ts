import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { readSandboxConfig } from './config';

describe('readSandboxConfig', () => {
  it('uses the 1С and МойСклад client defaults when the variables are unset or blank', () => {
    const defaults = {
      SANDBOX_PORT: 8100,
      SANDBOX_HOST: '127.0.0.1',
      ONEC_USERNAME: 'hub',
      ONEC_PASSWORD: 'hub-sandbox',
      MOYSKLAD_TOKEN: 'hub-sandbox-moysklad-token',
      MOYSKLAD_TOKEN_WEIGHT: 4,
      MOYSKLAD_WINDOW_MS: 3000,
      MOYSKLAD_WINDOW_UNITS: 45,
      MOYSKLAD_PARALLEL_LIMIT: 5,
    };
    expect(readSandboxConfig({})).toEqual(defaults);
    expect(readSandboxConfig({ SANDBOX_PORT: '', ONEC_PASSWORD: ' ' })).toEqual(defaults);
  });

  it('names a port it cannot use and the fix', () => {
    expect(() => readSandboxConfig({ SANDBOX_PORT: 'abc' })).toThrow(ConfigError);
    expect(() => readSandboxConfig({ SANDBOX_PORT: '70000' })).toThrow('SANDBOX_PORT must be a TCP port number (0–65535; 0 picks a free one)');
  });

  it('names a МойСклад limit it cannot use', () => {
    expect(() => readSandboxConfig({ MOYSKLAD_WINDOW_UNITS: '0' })).toThrow('MOYSKLAD_WINDOW_UNITS must be positive');
    expect(readSandboxConfig({ MOYSKLAD_PARALLEL_LIMIT: '2' }).MOYSKLAD_PARALLEL_LIMIT).toBe(2);
  });
});
