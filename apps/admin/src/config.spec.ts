import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { readAdminConfig } from './config';

describe('readAdminConfig', () => {
  it('uses the defaults when the variables are unset or blank, as compose passes them', () => {
    const defaults = {
      ADMIN_PORT: 8501,
      ADMIN_HOST: '127.0.0.1',
      API_URL: 'http://127.0.0.1:8000',
      API_TOKEN: undefined,
      ADMIN_USERNAME: undefined,
      ADMIN_PASSWORD: undefined,
      ADMIN_SESSION_IDLE_MINUTES: 480,
      ADMIN_COOKIE_SECURE: false,
      ADMIN_TIMEZONE: 'Europe/Moscow',
      ADMIN_PUBLIC_URL: undefined,
      NODE_ENV: undefined,
      logRetention: { kind: 'days', days: 90 },
      DATABASE_CONNECT_TIMEOUT_MS: 30_000,
    };
    expect(readAdminConfig({})).toEqual(defaults);
    expect(readAdminConfig({ ADMIN_PORT: '', ADMIN_HOST: ' ', API_URL: '', API_TOKEN: '' })).toEqual(defaults);
  });

  it('reads the values it is given', () => {
    expect(
      readAdminConfig({
        ADMIN_PORT: '9501',
        ADMIN_HOST: '0.0.0.0',
        API_URL: 'http://api:8000',
        API_TOKEN: 'a-token',
        ADMIN_USERNAME: 'marina.k',
        ADMIN_PASSWORD: 'twelve-chars',
        ADMIN_SESSION_IDLE_MINUTES: '30',
        ADMIN_COOKIE_SECURE: 'true',
        ADMIN_TIMEZONE: 'Asia/Yekaterinburg',
        ADMIN_PUBLIC_URL: 'https://hub.example.ru/admin/',
        NODE_ENV: 'production',
        LOG_RETENTION_DAYS: '0',
        DATABASE_CONNECT_TIMEOUT_MS: '5000',
      }),
    ).toEqual({
      ADMIN_PORT: 9501,
      ADMIN_HOST: '0.0.0.0',
      API_URL: 'http://api:8000',
      API_TOKEN: 'a-token',
      ADMIN_USERNAME: 'marina.k',
      ADMIN_PASSWORD: 'twelve-chars',
      ADMIN_SESSION_IDLE_MINUTES: 30,
      ADMIN_COOKIE_SECURE: true,
      ADMIN_TIMEZONE: 'Asia/Yekaterinburg',
      ADMIN_PUBLIC_URL: 'https://hub.example.ru',
      NODE_ENV: 'production',
      logRetention: { kind: 'keep-forever' },
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
    });
  });

  it.each([
    ['ADMIN_PORT', { ADMIN_PORT: 'eighty' }, 'ADMIN_PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    ['ADMIN_PORT', { ADMIN_PORT: '70000' }, 'ADMIN_PORT must be a TCP port number (0–65535; 0 picks a free one)'],
    ['API_URL', { API_URL: 'api:8000' }, 'API_URL must be an http(s) URL such as http://127.0.0.1:8000'],
    ['ADMIN_PASSWORD', { ADMIN_USERNAME: 'admin' }, 'ADMIN_PASSWORD must be set together with the other of ADMIN_USERNAME and ADMIN_PASSWORD'],
    ['ADMIN_USERNAME', { ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_USERNAME must be set together with the other of ADMIN_USERNAME and ADMIN_PASSWORD'],
    ['ADMIN_PASSWORD', { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 12 characters long'],
    ['ADMIN_USERNAME', { ADMIN_USERNAME: 'Админ', ADMIN_PASSWORD: 'long enough password' }, 'ADMIN_USERNAME must be a username: 1–64 characters'],
    ['ADMIN_COOKIE_SECURE', { ADMIN_COOKIE_SECURE: 'yes' }, 'ADMIN_COOKIE_SECURE must be true or false'],
    ['ADMIN_TIMEZONE', { ADMIN_TIMEZONE: 'Moscow' }, 'ADMIN_TIMEZONE must be an IANA time zone such as Europe/Moscow or UTC'],
    ['ADMIN_PUBLIC_URL', { ADMIN_PUBLIC_URL: 'hub.example.ru' }, 'ADMIN_PUBLIC_URL must be the http(s) URL operators open the admin at'],
    ['LOG_RETENTION_DAYS', { LOG_RETENTION_DAYS: '3 months' }, 'LOG_RETENTION_DAYS must be a whole number of days (0 keeps the logs forever)'],
    ['DATABASE_CONNECT_TIMEOUT_MS', { DATABASE_CONNECT_TIMEOUT_MS: 'forever' }, 'DATABASE_CONNECT_TIMEOUT_MS must be a number of milliseconds'],
  ])('names %s and the fix, without echoing the value', (variable, env, message) => {
    const read = () => readAdminConfig(env);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
    expect(() => read()).toThrowError(expect.objectContaining({ variable }));
  });
});
