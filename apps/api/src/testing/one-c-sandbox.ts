/**
 * Test support (imported by specs only): runs apps/sandbox as a child process on
 * 127.0.0.1, since an app may not import another app's code.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

export interface OneCSandbox {
  baseUrl: string;
  /** A client with the sandbox's credentials. */
  oneC: OneCClient;
  stop(): Promise<void>;
}

/** A loopback port nobody listens on right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

/** A 1С client that logs in with `password` (the sandbox's, unless a wrong one is wanted). */
export function oneCClientFor(baseUrl: string, password: string = ONE_C_ENV_DEFAULTS.ONEC_PASSWORD): OneCClient {
  return createOneCClient({ baseUrl, username: ONE_C_ENV_DEFAULTS.ONEC_USERNAME, password, timeoutMs: 5_000 });
}

/** Starts the sandbox with its demo data and waits until it answers /health. */
export async function startOneCSandbox(): Promise<OneCSandbox> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(`${REPO_ROOT}node_modules/.bin/tsx`, ['apps/sandbox/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sandbox exited with code ${child.exitCode} before it was ready`);
    if (await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sandbox did not answer at ${baseUrl} within ${STARTUP_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    oneC: oneCClientFor(baseUrl),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
