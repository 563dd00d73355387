import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { readAdminConfig } from './config';

describe('readAdminConfig', () => {
  it('uses the defaults when the variables are unset or blank, as compose passes them', () => {
    const defaults = { ADMIN_PORT: 8501, ADMIN_HOST: '127.0.0.1', API_URL: 'http://127.0.0.1:8000', API_TOKEN: undefined };
    expect(readAdminConfig({})).toEqual(defaults);
    expect(readAdminConfig({ ADMIN_PORT: '', ADMIN_HOST: ' ', API_URL: '', API_TOKEN: '' })).toEqual(defaults);
  });

  it('reads the values it is given', () => {
    expect(readAdminConfig({ ADMIN_PORT: '9501', ADMIN_HOST: '0.0.0.0', API_URL: 'http://api:8000', API_TOKEN: 'a-token' })).toEqual({
      ADMIN_PORT: 9501, ADMIN_HOST: '0.0.0.0', API_URL: 'http://api:8000', API_TOKEN: 'a-token',
    });
  });

  it.each([
    ['ADMIN_PORT', { ADMIN_PORT: 'eighty' }, 'ADMIN_PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    ['ADMIN_PORT', { ADMIN_PORT: '70000' }, 'ADMIN_PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    ['API_URL', { API_URL: 'api:8000' }, 'API_URL must be an http(s) URL such as http://127.0.0.1:8000'],
  ])('names %s and the fix, without echoing the value', (variable, env, message) => {
    const read = () => readAdminConfig(env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    expect(() => read()).toThrowError(expect.objectContaining({ variable }));
  });
});
