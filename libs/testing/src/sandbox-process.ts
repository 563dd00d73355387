/**
 * Runs apps/sandbox (the 1С stand-in) as a child process on 127.0.0.1 for the specs of any
 * project: no project may import an app's code, so specs start the sandbox instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';

/** Found from this file's place in the repository (libs/testing/src/), so any cwd works. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SANDBOX_MAIN = 'apps/sandbox/src/main.ts';
const EXIT_WITH_PARENT = new URL('./sandbox-exit-with-parent.ts', import.meta.url).href;
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** What GET /__sandbox/transfer-orders reports. */
export interface SandboxTransferOrders {
  documents: Array<{ id: string; number: string; hubOrderId: string }>;
  requests: number;
  duplicates: number;
}

/** A running sandbox; stop it in `afterAll`. */
export interface SandboxProcess {
  /** e.g. http://127.0.0.1:43123 — what the 1С client's baseUrl expects. */
  baseUrl: string;
  /** A 1С client logged in to this sandbox. */
  oneC: OneCClient;
  /** The sandbox's record of the transfer orders it received. */
  transferOrders(): Promise<SandboxTransferOrders>;
  /** Ends the process (SIGTERM, SIGKILL if it lingers) and waits for it; safe to call twice. */
  stop(): Promise<void>;
}

/** A 1С client for `baseUrl` that logs in with `password` (the sandbox's, unless a wrong one is wanted). */
export function oneCClientFor(baseUrl: string, password: string = ONE_C_ENV_DEFAULTS.ONEC_PASSWORD): OneCClient {
  return createOneCClient({ baseUrl, username: ONE_C_ENV_DEFAULTS.ONEC_USERNAME, password, timeoutMs: 5_000 });
}

/**
 * Starts the sandbox with its demo data (and `options.env` on top of this process's environment) on a port the OS picks (no clash between specs running
 * in parallel) and waits until /health answers. The process is killed when start-up fails, and
 * ends by itself when the test worker does.
 */
export async function startSandboxProcess(options: { env?: Record<string, string> } = {}): Promise<SandboxProcess> {
  if (!existsSync(`${REPO_ROOT}${SANDBOX_MAIN}`)) throw new Error(`no ${SANDBOX_MAIN} under ${REPO_ROOT}`);
  // Node with tsx's loader rather than the tsx CLI: one process, so a kill leaves no grandchild behind.
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', EXIT_WITH_PARENT, SANDBOX_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_HOST: '127.0.0.1',
      ONEC_USERNAME: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
      ONEC_PASSWORD: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
      // The "listening" line, which carries the port, is written at info.
      LOG_LEVEL: 'info',
      // e.g. МойСклад's limits (MOYSKLAD_WINDOW_UNITS, MOYSKLAD_TOKEN_WEIGHT, …) for one spec or benchmark.
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let baseUrl: string;
  try {
    baseUrl = `http://127.0.0.1:${await listeningPort(child)}`;
    const health = await fetch(`${baseUrl}/health`);
    if (!health.ok) throw new Error(`sandbox at ${baseUrl} answered /health with ${health.status}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    oneC: oneCClientFor(baseUrl),
    transferOrders: async () => {
      const response = await fetch(`${baseUrl}/__sandbox/transfer-orders`);
      if (!response.ok) throw new Error(`sandbox answered GET /__sandbox/transfer-orders with ${response.status}`);
      return (await response.json()) as SandboxTransferOrders;
    },
    stop: () => stopChild(child),
  };
}

/**
 * The port from the line the sandbox writes once it listens (`{ "url": "http://127.0.0.1:…" }`).
 * Fails when the process ends or stays silent first, with what it wrote until then.
 */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const written: string[] = [];
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (reason: string) =>
      settle(() => reject(new Error(`sandbox ${reason}${written.length > 0 ? `; it wrote:\n${written.join('\n')}` : ''}`)));
    const timer = setTimeout(() => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`}) before it listened`));
    // stdout is a pipe (see spawn). Read every line to the end, also after the port: a full pipe would stall the sandbox.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (settled) return;
      const port = portIn(line);
      if (port === undefined) written.push(line);
      else settle(() => resolve(port));
    });
  });
}

function portIn(line: string): number | undefined {
  try {
    const { url } = JSON.parse(line) as { url?: unknown };
    return typeof url === 'string' ? Number(new URL(url).port) : undefined;
  } catch {
    return undefined;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const lingering = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(lingering);
}
