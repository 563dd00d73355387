import { millisecondsSetting, readEnvConfig, redactText, retryWithDoublingDelay, StartRefusal } from '@hub/runtime';
import { Client } from 'pg';
import { z } from 'zod';
import { describeDatabaseTarget, explainConnectionFailure } from './connection-error';
import { isDatabaseUnreachable } from './database-unreachable';

/** How long an app keeps trying to reach PostgreSQL at start-up before it gives up. */
export const DEFAULT_DATABASE_CONNECT_TIMEOUT_MS = 30_000;
export const DATABASE_CONNECT_TIMEOUT_VARIABLE = 'DATABASE_CONNECT_TIMEOUT_MS';
const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;
/** One attempt never waits longer than this for the server's answer. */
const ATTEMPT_TIMEOUT_MS = 5_000;
/**
 * Nor less, even at the deadline: the last attempt, started when the window is nearly spent,
 * would otherwise time out at once and report "timeout expired" instead of what the server said.
 */
const MIN_ATTEMPT_TIMEOUT_MS = 1_000;

/** DATABASE_CONNECT_TIMEOUT_MS as an app's config schema reads it (0: one attempt, no retry). */
export function databaseConnectTimeoutSetting() {
  return millisecondsSetting(DEFAULT_DATABASE_CONNECT_TIMEOUT_MS);
}

/** DATABASE_CONNECT_TIMEOUT_MS alone, for a process without a config module of its own (the migrations CLI). */
export function readDatabaseConnectTimeout(env: NodeJS.ProcessEnv = process.env): number {
  return readEnvConfig(z.object({ [DATABASE_CONNECT_TIMEOUT_VARIABLE]: databaseConnectTimeoutSetting() }), env)[DATABASE_CONNECT_TIMEOUT_VARIABLE];
}

/** Where each failed attempt is reported: the apps' stdout logger fits. */
export interface ConnectAttemptLogger {
  warn(fields: object, message: string): void;
}

export interface WaitForDatabaseOptions {
  /** Give up once this much time has passed since the first attempt (DATABASE_CONNECT_TIMEOUT_MS). */
  timeoutMs: number;
  logger: ConnectAttemptLogger;
}

/** One line, without credentials; a refused connection to several addresses is an AggregateError with no message. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message =
    error instanceof AggregateError && error.message === '' ? error.errors.map(reasonOf).join('; ')
    : error instanceof Error ? error.message
    : String(error);
  const text = (message.split('\n')[0] ?? '') || String(code);
  return redactText(typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text);
}

/** PostgreSQL did not answer within DATABASE_CONNECT_TIMEOUT_MS: the message names the server, the attempts and the last reason. */
export class DatabaseUnavailableError extends StartRefusal {
  constructor(
    target: string,
    readonly attempts: number,
    timeoutMs: number,
    reason: string,
    cause: unknown,
  ) {
    super(
      `Cannot connect to PostgreSQL at ${target}: gave up after ${attempts} attempt(s) over ${timeoutMs} ms ` +
        `(${DATABASE_CONNECT_TIMEOUT_VARIABLE}); last error: ${reason}. Start PostgreSQL, or correct the host and port in DATABASE_URL.`,
      { cause },
    );
    this.name = 'DatabaseUnavailableError';
  }
}

async function tryConnect(databaseUrl: string, timeoutMs: number): Promise<void> {
  const client = new Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: Math.round(Math.min(Math.max(timeoutMs, MIN_ATTEMPT_TIMEOUT_MS), ATTEMPT_TIMEOUT_MS)),
  });
  // A server going away mid-attempt emits 'error' on the client; unheard, it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Resolves once PostgreSQL behind `databaseUrl` accepts a connection, retrying with a doubling
 * delay (250 ms up to 5 s) while it is not there, each failed attempt logged with its number,
 * the delay and the reason (no credentials). Throws DatabaseUnavailableError once `timeoutMs`
 * has passed, and at once (as DatabaseConnectionError naming the fix) for a failure retrying
 * cannot cure: a refused password or user, a missing database.
 */
export async function waitForDatabase(databaseUrl: string, { timeoutMs, logger }: WaitForDatabaseOptions): Promise<void> {
  const target = describeDatabaseTarget(databaseUrl);
  const outcome = await retryWithDoublingDelay((remainingMs) => tryConnect(databaseUrl, remainingMs), {
    patienceMs: timeoutMs,
    delay: { firstMs: FIRST_DELAY_MS, maxMs: MAX_DELAY_MS },
    onFailure({ attempt, error, remainingMs, delayMs }) {
      if (!isDatabaseUnreachable(error)) throw explainConnectionFailure(error, databaseUrl);
      if (remainingMs <= 0) return;
      const reason = reasonOf(error);
      logger.warn(
        { attempt, delayMs, remainingMs, database: target, reason },
        `PostgreSQL at ${target} is not reachable (attempt ${attempt}): ${reason}; retrying in ${delayMs} ms`,
      );
    },
  });
  if (outcome.kind === 'gave_up') throw new DatabaseUnavailableError(target, outcome.attempts, timeoutMs, reasonOf(outcome.lastError), outcome.lastError);
}
