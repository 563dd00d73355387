import { z } from 'zod';

const NOT_A_PORT = 'must be a TCP port number (0–65535; 0 picks a free one)';

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const apiEnvSchema = z.object({
  API_PORT: z.preprocess(blankAsUnset, z.coerce.number({ error: NOT_A_PORT }).int({ error: NOT_A_PORT }).min(0, { error: NOT_A_PORT }).max(65_535, { error: NOT_A_PORT }).default(8000)),
  API_HOST: z.preprocess(blankAsUnset, z.string().default('0.0.0.0')),
  API_TOKEN: z.preprocess(blankAsUnset, z.string().min(16, { error: 'must be at least 16 characters' }).optional()),
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

/** The environment holds a value the API cannot use; the message names the variable, never its value. */
export class ApiConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'ApiConfigError';
  }
}

/** API_PORT (default 8000), API_HOST (default 0.0.0.0) and the optional API_TOKEN. */
export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiConfigError(String(issue?.path[0] ?? 'API_*'), issue?.message ?? 'is invalid');
  }
  return parsed.data;
}
