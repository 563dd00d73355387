import { z } from 'zod';

const DEFAULT_API_URL = 'http://127.0.0.1:8000';
const NOT_A_PORT = 'must be a TCP port number (1–65535)';

// Compose passes `ADMIN_PORT=` for a variable left empty in .env: that means "use the default".
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const adminEnvSchema = z.object({
  ADMIN_PORT: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: NOT_A_PORT }).int({ error: NOT_A_PORT }).min(1, { error: NOT_A_PORT }).max(65_535, { error: NOT_A_PORT }).default(8501),
  ),
  ADMIN_HOST: z.preprocess(blankAsUnset, z.string().default('0.0.0.0')),
  API_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${DEFAULT_API_URL}` }).default(DEFAULT_API_URL)),
  API_TOKEN: z.preprocess(blankAsUnset, z.string().optional()),
});

export type AdminConfig = z.output<typeof adminEnvSchema>;

/** The environment holds a value the admin cannot use; the message names the variable, never its value. */
export class AdminConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'AdminConfigError';
  }
}

/** ADMIN_PORT (default 8501), ADMIN_HOST (default 0.0.0.0), API_URL (default http://127.0.0.1:8000) and the optional API_TOKEN. */
export function readAdminConfig(env: NodeJS.ProcessEnv = process.env): AdminConfig {
  const parsed = adminEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AdminConfigError(String(issue?.path[0] ?? 'ADMIN_*'), issue?.message ?? 'is invalid');
  }
  return parsed.data;
}
