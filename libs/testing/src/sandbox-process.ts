/**
 * Runs apps/sandbox (the 1С stand-in) as a child process on 127.0.0.1 for the specs of any
 * project: no project may import an app's code, so specs start the sandbox instead.
 */
import type { ChildProcess } from 'node:child_process';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';
import { spawnApp, stopChild, waitForLine } from './app-process';
import { sandboxControl, type SandboxControl } from '@hub/test-kit';

const SANDBOX_MAIN = 'apps/sandbox/src/main.ts';

/** A running sandbox; stop it in `afterAll`. */
export interface SandboxProcess extends SandboxControl {
  /** e.g. http://127.0.0.1:43123 — what the 1С client's baseUrl expects. */
  baseUrl: string;
  /** A 1С client logged in to this sandbox. */
  oneC: OneCClient;
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
  const child = spawnApp(SANDBOX_MAIN, {
    SANDBOX_PORT: '0',
    SANDBOX_HOST: '127.0.0.1',
    ONEC_USERNAME: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
    ONEC_PASSWORD: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
    // The "listening" line, which carries the port, is written at info.
    LOG_LEVEL: 'info',
    // e.g. МойСклад's limits (MOYSKLAD_WINDOW_UNITS, MOYSKLAD_TOKEN_WEIGHT, …) for one spec or benchmark.
    ...options.env,
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
    ...sandboxControl(baseUrl),
    stop: () => stopChild(child),
  };
}

/** The port from the line the sandbox writes once it listens (`{ "url": "http://127.0.0.1:…" }`). */
function listeningPort(child: ChildProcess): Promise<number> {
  return waitForLine(child, 'sandbox', ({ url }) => (typeof url === 'string' ? Number(new URL(url).port) : undefined));
}
