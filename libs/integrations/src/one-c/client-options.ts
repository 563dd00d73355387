import { z } from 'zod';
import { ONE_C_DEFAULT_TIMEOUT_MS, type OneCClientOptions } from './client';

/** Defaults that match apps/sandbox, so development works with no environment at all. */
export const ONE_C_ENV_DEFAULTS = {
  ONEC_BASE_URL: 'http://127.0.0.1:8100',
  ONEC_USERNAME: 'hub',
  ONEC_PASSWORD: 'hub-sandbox',
} as const;

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

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
  ONEC_TIMEOUT_MS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int({ error: 'must be a whole number of milliseconds' })
      .positive({ error: 'must be a positive number of milliseconds' })
      .default(ONE_C_DEFAULT_TIMEOUT_MS),
  ),
});

/** The environment holds a value we cannot use; the message names the variable (never its value). */
export class OneCConfigError extends Error {
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'OneCConfigError';
    this.variable = variable;
  }
}

/**
 * 1С client options from ONEC_BASE_URL, ONEC_USERNAME, ONEC_PASSWORD and ONEC_TIMEOUT_MS,
 * with the sandbox's values as defaults. Throws OneCConfigError naming the bad variable.
 */
export function oneCClientOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OneCClientOptions {
  const parsed = oneCEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OneCConfigError(String(issue?.path[0] ?? 'ONEC_*'), issue?.message ?? 'is invalid');
  }
  return {
    baseUrl: parsed.data.ONEC_BASE_URL,
    username: parsed.data.ONEC_USERNAME,
    password: parsed.data.ONEC_PASSWORD,
    timeoutMs: parsed.data.ONEC_TIMEOUT_MS,
  };
}
