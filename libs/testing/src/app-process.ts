/**
 * Runs an app's main.ts as a child process for the specs of any project (no project may
 * import an app's code): Node with tsx's loader, one process, so a kill leaves no grandchild.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ONE_C_ENV_DEFAULTS } from '@hub/integrations';

/** Found from this file's place in the repository (libs/testing/src/), so any cwd works. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXIT_WITH_PARENT = new URL('./sandbox-exit-with-parent.ts', import.meta.url).href;
/** Node with tsx's loader and the migrations check can take a while on a busy machine. */
export const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** The settings a hub app (api, scheduler) is started with in a spec: its database, the sandbox as 1С, info lines. */
export function hubAppEnv(options: { databaseUrl: string; oneCBaseUrl: string; env?: Record<string, string> | undefined }): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: options.databaseUrl,
    ONEC_BASE_URL: options.oneCBaseUrl,
    ONEC_USERNAME: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
    ONEC_PASSWORD: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
    LOG_LEVEL: 'info',
    ...options.env,
  };
}

export interface SpawnAppOptions {
  /** 'pipe' to read what the app writes to stderr as well; by default it goes to the terminal. */
  stderr?: 'inherit' | 'pipe';
  /**
   * Start from PATH and HOME alone instead of the test worker's environment, so `env` is all
   * the app is given (a spec that searches its output for planted secrets wants no others).
   */
  onlyGivenEnv?: boolean;
}

/**
 * Starts `main` (relative to the repository root) with `env` added. It ends by itself when
 * the test worker does. stdout is a pipe: read it with `waitForLine`.
 */
export function spawnApp(main: string, env: NodeJS.ProcessEnv, { stderr = 'inherit', onlyGivenEnv = false }: SpawnAppOptions = {}): ChildProcess {
  if (!existsSync(`${REPO_ROOT}${main}`)) throw new Error(`no ${main} under ${REPO_ROOT}`);
  const base = onlyGivenEnv ? { PATH: process.env['PATH'], HOME: process.env['HOME'] } : process.env;
  return spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, main], {
    cwd: REPO_ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', stderr, 'ipc'],
  });
}

/**
 * The first value `match` finds in a JSON line the app writes. Fails when the process ends or
 * stays silent first, with what it wrote until then. Every line is read to the end, also
 * after the match: a full pipe would stall the app.
 */
export function waitForLine<T>(child: ChildProcess, what: string, match: (line: Record<string, unknown>) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const written: string[] = [];
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (reason: string) => settle(() => reject(new Error(`${what} ${reason}${written.length > 0 ? `; it wrote:\n${written.join('\n')}` : ''}`)));
    const timer = setTimeout(() => fail(`did not start within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it started`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (settled) return;
      const found = parseJsonLine(line);
      const value = found === undefined ? undefined : match(found);
      if (value === undefined) written.push(line);
      else settle(() => resolve(value));
    });
  });
}

/** A line an app wrote, as the JSON object it is; undefined for anything else. */
export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Sends `signal` and waits for the exit; SIGKILL when it lingers. Safe to call twice. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const lingering = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(lingering);
}
