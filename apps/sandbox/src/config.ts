import { ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { blankAsUnset, hostSetting, portSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';

const sandboxEnvSchema = z.object({
  SANDBOX_PORT: portSetting(8100),
  SANDBOX_HOST: hostSetting(),
  ONEC_USERNAME: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_USERNAME)),
  ONEC_PASSWORD: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_PASSWORD)),
});

export type SandboxConfig = z.output<typeof sandboxEnvSchema>;

/** SANDBOX_PORT (default 8100), SANDBOX_HOST (default 0.0.0.0) and the Basic credentials it accepts (the 1С client's defaults). */
export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  return readEnvConfig(sandboxEnvSchema, env);
}
