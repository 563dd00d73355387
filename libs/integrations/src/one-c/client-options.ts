import { blankAsUnset, millisecondsSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { ONE_C_DEFAULT_TIMEOUT_MS, type OneCClientOptions } from './client';

/** Defaults that match apps/sandbox, so development works with no environment at all. */
export const ONE_C_ENV_DEFAULTS = {
  ONEC_BASE_URL: 'http://127.0.0.1:8100',
  ONEC_USERNAME: 'hub',
  ONEC_PASSWORD: 'hub-sandbox',
} as const;

const oneCEnvSchema = z.object({
  ONEC_BASE_URL: z.preprocess(
    blankAsUnset,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8100' })
      // fetch refuses such a URL with an error that quotes it, password included, into every log and last_error.
      .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), {
        error: 'must not contain a user or password: set ONEC_USERNAME and ONEC_PASSWORD instead',
      })
      .default(ONE_C_ENV_DEFAULTS.ONEC_BASE_URL),
  ),
  ONEC_USERNAME: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_USERNAME)),
  ONEC_PASSWORD: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_PASSWORD)),
  ONEC_TIMEOUT_MS: millisecondsSetting(ONE_C_DEFAULT_TIMEOUT_MS, 1),
});

/**
 * 1С client options from ONEC_BASE_URL, ONEC_USERNAME, ONEC_PASSWORD and ONEC_TIMEOUT_MS,
 * with the sandbox's values as defaults. Throws ConfigError (@hub/runtime) naming the bad variable.
 */
export function oneCClientOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OneCClientOptions {
  const settings = readEnvConfig(oneCEnvSchema, env);
  return {
    baseUrl: settings.ONEC_BASE_URL,
    username: settings.ONEC_USERNAME,
    password: settings.ONEC_PASSWORD,
    timeoutMs: settings.ONEC_TIMEOUT_MS,
  };
}
