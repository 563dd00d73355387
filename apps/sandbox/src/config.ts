import { z } from 'zod';
import { ONE_C_ENV_DEFAULTS } from '@hub/integrations';

const NOT_A_PORT = 'must be a TCP port number (0–65535; 0 picks a free one)';

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const sandboxEnvSchema = z.object({
  SANDBOX_PORT: z.preprocess(blankAsUnset, z.coerce.number({ error: NOT_A_PORT }).int({ error: NOT_A_PORT }).min(0, { error: NOT_A_PORT }).max(65_535, { error: NOT_A_PORT }).default(8100)),
  SANDBOX_HOST: z.preprocess(blankAsUnset, z.string().default('0.0.0.0')),
  ONEC_USERNAME: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_USERNAME)),
  ONEC_PASSWORD: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_PASSWORD)),
});

export type SandboxConfig = z.output<typeof sandboxEnvSchema>;

/** The environment holds a value the sandbox cannot use; the message names the variable, never its value. */
export class SandboxConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'SandboxConfigError';
  }
}

/** SANDBOX_PORT (default 8100), SANDBOX_HOST (default 0.0.0.0) and the Basic credentials it accepts (the 1С client's defaults). */
export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const parsed = sandboxEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SandboxConfigError(String(issue?.path[0] ?? 'SANDBOX_*'), issue?.message ?? 'is invalid');
  }
  return parsed.data;
}
