import { blankAsUnset, hostSetting, optionalSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

const DEFAULT_API_URL = 'http://127.0.0.1:8000';

const adminEnvSchema = z.object({
  ADMIN_PORT: portSetting(8501),
  ADMIN_HOST: hostSetting(),
  API_URL: z.preprocess(
    blankAsUnset,
    z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${DEFAULT_API_URL}` }).default(DEFAULT_API_URL),
  ),
  API_TOKEN: optionalSetting(),
});

export type AdminConfig = z.output<typeof adminEnvSchema>;

/** ADMIN_PORT (default 8501), ADMIN_HOST (default 127.0.0.1; the image sets 0.0.0.0), API_URL (default http://127.0.0.1:8000) and the optional API_TOKEN. */
export function readAdminConfig(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  return readEnvConfig(adminEnvSchema, env);
}
