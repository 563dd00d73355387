import { databaseConnectTimeoutSetting } from '@hub/db';
import { hostSetting, millisecondsSetting, optionalSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

/** How long shutdown waits for runs in progress before closing the database anyway. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 30_000;

const apiEnvSchema = z.object({
  API_PORT: portSetting(8000),
  API_HOST: hostSetting(),
  API_TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
  API_SHUTDOWN_GRACE_MS: millisecondsSetting(DEFAULT_SHUTDOWN_GRACE_MS),
  DATABASE_CONNECT_TIMEOUT_MS: databaseConnectTimeoutSetting(),
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

/**
 * API_PORT (default 8000), API_HOST (default 127.0.0.1; the image sets 0.0.0.0), the optional API_TOKEN, and
 * API_SHUTDOWN_GRACE_MS (default 30 s): how long a stop waits for runs in progress, and
 * DATABASE_CONNECT_TIMEOUT_MS (default 30 s): how long the start retries a database that is not there yet.
 */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return readEnvConfig(apiEnvSchema, env);
}
