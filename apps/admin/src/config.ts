import { logRetentionFromEnv, type LogRetention } from '@hub/logging';
import { blankAsUnset, hostSetting, optionalSetting, OPERATOR_NAME_PATTERN, OPERATOR_NAME_RULE, portSetting, readEnvConfig } from '@hub/runtime';
import { databaseConnectTimeoutSetting } from '@hub/db';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from './auth/password-hash';

const DEFAULT_API_URL = 'http://127.0.0.1:8000';
/** An operator's session ends after 8 hours without a request. */
const DEFAULT_IDLE_MINUTES = 8 * 60;

/** Whether Intl knows `name` as a time zone. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const adminEnvSchema = z
  .object({
    ADMIN_PORT: portSetting(8501),
    ADMIN_HOST: hostSetting(),
    API_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${DEFAULT_API_URL}` }).default(DEFAULT_API_URL)),
    API_TOKEN: optionalSetting(),
    ADMIN_USERNAME: optionalSetting(z.string().regex(OPERATOR_NAME_PATTERN, { error: `must be a username: ${OPERATOR_NAME_RULE}` })),
    ADMIN_PASSWORD: optionalSetting(z.string().min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters long` })),
    ADMIN_SESSION_IDLE_MINUTES: z.preprocess(
      blankAsUnset,
      z.coerce
        .number({ error: 'must be a whole number of minutes' })
        .int({ error: 'must be a whole number of minutes' })
        .min(1, { error: 'must be at least 1 minute' })
        .default(DEFAULT_IDLE_MINUTES),
    ),
    ADMIN_COOKIE_SECURE: z.preprocess(
      blankAsUnset,
      z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .default('false')
        .transform((value) => value === 'true'),
    ),
    ADMIN_TIMEZONE: z.preprocess(
      blankAsUnset,
      z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/Moscow or UTC' }).default('Europe/Moscow'),
    ),
    // Behind a proxy that terminates TLS the admin sees http://…, the browser sends https://…: the public origin names that.
    ADMIN_PUBLIC_URL: z.preprocess(
      blankAsUnset,
      z
        .url({ protocol: /^https?$/, error: 'must be the http(s) URL operators open the admin at, such as https://hub.example.ru' })
        .transform((url) => new URL(url).origin)
        .optional(),
    ),
    NODE_ENV: optionalSetting(),
    DATABASE_CONNECT_TIMEOUT_MS: databaseConnectTimeoutSetting(),
  })
  .superRefine((config, context) => {
    // One without the other would create nothing and say nothing.
    if ((config.ADMIN_USERNAME === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
      const missing = config.ADMIN_USERNAME === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD';
      context.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other of ADMIN_USERNAME and ADMIN_PASSWORD' });
    }
  });

export type AdminConfig = z.output<typeof adminEnvSchema> & {
  /** LOG_RETENTION_DAYS, read as the scheduler reads it, so the logs page tells the retention the cleanup applies. */
  logRetention: LogRetention;
};

/**
 * ADMIN_PORT (default 8501), ADMIN_HOST (default 127.0.0.1; the image sets 0.0.0.0), API_URL
 * (default http://127.0.0.1:8000), the optional API_TOKEN, the start-up account ADMIN_USERNAME /
 * ADMIN_PASSWORD, ADMIN_SESSION_IDLE_MINUTES (default 480), ADMIN_COOKIE_SECURE (default false),
 * ADMIN_TIMEZONE (default Europe/Moscow), ADMIN_PUBLIC_URL (the address operators open, behind a
 * reverse proxy: forms posted from it are the admin's own), LOG_RETENTION_DAYS (default 90; 0 keeps the logs forever),
 * DATABASE_CONNECT_TIMEOUT_MS (default 30 s: how long the start retries a database that is not there yet).
 */
export function readAdminConfig(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  return { ...readEnvConfig(adminEnvSchema, env), logRetention: logRetentionFromEnv(env) };
}
