import { databaseConnectTimeoutSetting } from '@hub/db';
import { ConfigError, hostSetting, millisecondsSetting, optionalSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { resolveApiAuth, type ApiAuth } from './auth/api-auth';

/** How long shutdown waits for runs in progress before closing the database anyway. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

/** `on` or `off` (any case); absent when unset or blank. */
const onOff = () =>
  z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim().toLowerCase() : undefined),
      z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
    )
    .transform((value) => (value === undefined ? undefined : value === 'on'));

const apiEnvSchema = z.object({
  API_PORT: portSetting(8000),
  API_HOST: hostSetting(),
  API_TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
  API_AUTH: onOff(),
  API_AUTH_READS: onOff(),
  API_SHUTDOWN_GRACE_MS: millisecondsSetting(DEFAULT_SHUTDOWN_GRACE_MS),
  DATABASE_CONNECT_TIMEOUT_MS: databaseConnectTimeoutSetting(),
  NODE_ENV: optionalSetting(),
});

export type ApiConfig = Omit<z.output<typeof apiEnvSchema>, 'API_AUTH' | 'API_AUTH_READS'> & { auth: ApiAuth };

/**
 * API_PORT (default 8000), API_HOST (default 127.0.0.1; the image sets 0.0.0.0), API_TOKEN, API_AUTH and
 * API_AUTH_READS (see api-auth.ts), API_SHUTDOWN_GRACE_MS (default 30 s): how long a stop waits for runs in progress, and
 * DATABASE_CONNECT_TIMEOUT_MS (default 30 s): how long the start retries a database that is not there yet.
 * Throws ConfigError when NODE_ENV=production has no API_TOKEN and API_AUTH is not explicitly off.
 */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const { API_AUTH, API_AUTH_READS, ...config } = readEnvConfig(apiEnvSchema, env);
  const auth = resolveApiAuth({ token: config.API_TOKEN, enabled: API_AUTH, reads: API_AUTH_READS, production: config.NODE_ENV === 'production' });
  if (auth.kind === 'refused') throw new ConfigError(auth.variable, auth.problem);
  return { ...config, auth };
}
