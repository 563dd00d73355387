import { MOYSKLAD_DOCUMENTED_LIMITS, MOYSKLAD_ENV_DEFAULTS, ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { blankAsUnset, hostSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

const positiveInt = (fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' }).default(fallback),
  );

const sandboxEnvSchema = z.object({
  SANDBOX_PORT: portSetting(8100),
  SANDBOX_HOST: hostSetting(),
  ONEC_USERNAME: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_USERNAME)),
  ONEC_PASSWORD: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_PASSWORD)),
  // The same variables the hub's МойСклад client reads, so both sides agree by default.
  MOYSKLAD_TOKEN: z.preprocess(blankAsUnset, z.string().min(1).default(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN)),
  MOYSKLAD_TOKEN_WEIGHT: positiveInt(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN_WEIGHT),
  MOYSKLAD_WINDOW_MS: positiveInt(MOYSKLAD_DOCUMENTED_LIMITS.windowMs),
  MOYSKLAD_WINDOW_UNITS: positiveInt(MOYSKLAD_DOCUMENTED_LIMITS.unitsPerWindow),
  MOYSKLAD_PARALLEL_LIMIT: positiveInt(MOYSKLAD_DOCUMENTED_LIMITS.parallelPerUser),
});

export type SandboxConfig = z.output<typeof sandboxEnvSchema>;

/**
 * SANDBOX_PORT (default 8100), SANDBOX_HOST (default 127.0.0.1; the image sets 0.0.0.0), the Basic credentials it accepts
 * (the 1С client's defaults), and МойСклад's token and limits (the МойСклад client's defaults).
 */
export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  return readEnvConfig(sandboxEnvSchema, env);
}
