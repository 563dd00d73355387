/**
 * Runs apps/api as a child process against a test database and a sandbox: the real main,
 * for specs about what only a process does (signals, shutdown, the exit code).
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { hubAppEnv, parseJsonLine, spawnApp, STARTUP_TIMEOUT_MS, stopChild } from './app-process';
import { within } from '@hub/test-kit';

const API_MAIN = 'apps/api/src/main.ts';

export interface ApiProcessOptions {
  databaseUrl: string;
  /** The sandbox's base URL (ONEC_BASE_URL). */
  oneCBaseUrl: string;
  /** More settings, e.g. `{ API_SHUTDOWN_GRACE_MS: '200' }`. */
  env?: Record<string, string>;
}

/** A running API. */
export interface ApiProcess {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** Every JSON line it wrote so far. */
  lines(): Record<string, unknown>[];
  /** The first line whose `msg` starts with `message`, written already or to come; fails if the process ends first or after `timeoutMs`. */
  logged(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  signal(signal: NodeJS.Signals): void;
  /** Settles once the process has ended and all it wrote is read. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (SIGKILL if it lingers) and waits for the exit; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts the API on a port the OS picks and waits for its "api listening" line (migrations checked, port open). */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = spawnApp(API_MAIN, hubAppEnv({ ...options, env: { API_HOST: '127.0.0.1', API_PORT: '0', ...options.env } }));
  // 'close', not 'exit': only then has every line been read.
  const ended = (once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>).then(([code, signal]) => ({ code, signal }));
  const written: Record<string, unknown>[] = [];
  const reader = createInterface({ input: child.stdout! });
  reader.on('line', (line) => written.push(parseLine(line)));

  const logged = (message: string, timeoutMs?: number): Promise<Record<string, unknown>> => {
    const matches = (line: Record<string, unknown>) => typeof line['msg'] === 'string' && line['msg'].startsWith(message);
    const found = new Promise<Record<string, unknown>>((resolve, reject) => {
      const already = written.find(matches);
      if (already) return resolve(already);
      const check = (text: string) => {
        const line = parseLine(text);
        if (!matches(line)) return;
        reader.off('line', check);
        resolve(line);
      };
      reader.on('line', check);
      void ended.then(({ code, signal }) =>
        reject(new Error(`the API ended (${signal ?? `code ${code}`}) without logging "${message}"; it wrote:\n${describe()}`)),
      );
    });
    return within(found, () => `the API never logged "${message}"; it wrote:\n${describe()}`, timeoutMs);
  };
  const describe = () => written.map((line) => JSON.stringify(line)).join('\n');

  let url: string;
  try {
    const listening = await logged('api listening', STARTUP_TIMEOUT_MS);
    url = String(listening['url']);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    lines: () => [...written],
    logged,
    signal: (signal) => void child.kill(signal),
    ended,
    stop: () => stopChild(child),
  };
}

/** A JSON line as an object; anything else as `{ text }`, so no line is lost from the record. */
function parseLine(line: string): Record<string, unknown> {
  return parseJsonLine(line) ?? { text: line };
}
