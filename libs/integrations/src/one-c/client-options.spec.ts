import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { oneCClientOptionsFromEnv } from './client-options';

describe('oneCClientOptionsFromEnv', () => {
  it('defaults to the sandbox on loopback when nothing is set', () => {
    expect(oneCClientOptionsFromEnv({})).toEqual({
      baseUrl: 'http://127.0.0.1:8100',
      username: 'hub',
      password: 'hub-sandbox',
      timeoutMs: 10_000,
    });
  });

  it('takes every variable when set, and treats blank ones as unset', () => {
    const options = oneCClientOptionsFromEnv({
      ONEC_BASE_URL: 'https://erp.example.test',
      ONEC_USERNAME: 'integration',
      ONEC_PASSWORD: 's3cret',
      ONEC_TIMEOUT_MS: '2500',
    });
    expect(options).toEqual({ baseUrl: 'https://erp.example.test', username: 'integration', password: 's3cret', timeoutMs: 2500 });
    expect(oneCClientOptionsFromEnv({ ONEC_TIMEOUT_MS: '  ', ONEC_USERNAME: '' })).toMatchObject({ timeoutMs: 10_000, username: 'hub' });
  });

  it('names the variable when a URL is unusable', () => {
    expect(() => oneCClientOptionsFromEnv({ ONEC_BASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => oneCClientOptionsFromEnv({ ONEC_BASE_URL: 'ftp://erp.example.test' })).toThrow(/^ONEC_BASE_URL /);
  });

  it('refuses credentials inside ONEC_BASE_URL, naming the variables to use, never echoing the password', () => {
    for (const url of ['http://hub:s3cret@erp.example.test', 'https://hub@erp.example.test/base']) {
      const parse = () => oneCClientOptionsFromEnv({ ONEC_BASE_URL: url });
      expect(parse).toThrow('ONEC_BASE_URL must not contain a user or password: set ONEC_USERNAME and ONEC_PASSWORD instead');
      expect(parse).not.toThrow(/s3cret/);
    }
    expect(oneCClientOptionsFromEnv({ ONEC_BASE_URL: 'http://erp.example.test/path@v1' }).baseUrl).toBe('http://erp.example.test/path@v1');
  });

  it('names the variable when the timeout is not a positive whole number', () => {
    for (const value of ['ten', '0', '-1', '1.5']) {
      expect(() => oneCClientOptionsFromEnv({ ONEC_TIMEOUT_MS: value })).toThrow(/^ONEC_TIMEOUT_MS /);
    }
  });
});
