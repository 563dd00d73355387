import { hostSetting, optionalSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

const apiEnvSchema = z.object({
  API_PORT: portSetting(8000),
  API_HOST: hostSetting(),
  API_TOKEN: optionalSetting(z.string().min(16, { error: 'must be at least 16 characters' })),
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

/** API_PORT (default 8000), API_HOST (default 0.0.0.0) and the optional API_TOKEN. */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return readEnvConfig(apiEnvSchema, env);
}
