import { z } from 'zod';

/** A setting the process cannot use. The message names the variable, never its value. */
/**
 * A start-up refusal whose message is the whole story (what is wrong and how to fix it): the
 * start-up failure prints it as one line, without a stack, as it does a bad setting.
 */
export class StartRefusal extends Error {}

export class ConfigError extends StartRefusal {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Compose passes `NAME=` for a variable left empty in .env: that means "use the default". */
export function blankAsUnset(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const NOT_A_PORT = 'must be a TCP port number (0–65535; 0 picks a free one)';

const port = () => z.coerce.number({ error: NOT_A_PORT }).int({ error: NOT_A_PORT }).min(0, { error: NOT_A_PORT }).max(65_535, { error: NOT_A_PORT });

/** A listening port, `defaultPort` when unset or blank. */
export function portSetting(defaultPort: number) {
  return z.preprocess(blankAsUnset, port().default(defaultPort));
}

/** The port of a listener that is only opened when asked for: absent when unset or blank. */
export function optionalPortSetting() {
  return z.preprocess(blankAsUnset, port().optional());
}

/**
 * A listening address: loopback unless told otherwise, so `npm run dev` and `npm run start:*`
 * are not reachable from the network; the images set `*_HOST=0.0.0.0` (a container needs it).
 */
export function hostSetting(defaultHost = '127.0.0.1') {
  return z.preprocess(blankAsUnset, z.string().default(defaultHost));
}

/**
 * A whole number of milliseconds, `defaultMs` when unset or blank, at least `minMs` (0: not
 * negative; 1: positive).
 */
export function millisecondsSetting(defaultMs: number, minMs = 0) {
  const tooSmall =
    minMs === 0 ? 'must not be negative'
    : minMs === 1 ? 'must be a positive number of milliseconds'
    : `must be at least ${minMs} ms`;
  const milliseconds = z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(minMs, { error: tooSmall });
  return z.preprocess(blankAsUnset, milliseconds.default(defaultMs));
}

/** An optional string, absent when unset or blank. */
export function optionalSetting(schema: z.ZodString = z.string()) {
  return z.preprocess(blankAsUnset, schema.optional());
}

/** Parses the environment with `schema`; the first problem becomes a ConfigError naming its variable. */
export function readEnvConfig<Schema extends z.ZodObject>(schema: Schema, env: NodeJS.ProcessEnv = process.env): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ConfigError(String(issue?.path[0] ?? 'a setting'), issue?.message ?? 'is invalid');
}
