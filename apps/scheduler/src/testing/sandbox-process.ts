/**
 * Test support (imported by specs only): runs apps/sandbox as a child process on
 * 127.0.0.1, since one app may not import another's code. A twin of
 * libs/outbox/src/testing/sandbox-process.ts, which an app may not import either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createOneCClient, ONE_C_ENV_DEFAULTS, type OneCClient } from '@hub/integrations';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

/** What GET /__sandbox/transfer-orders reports. */
export interface SandboxTransferOrders {
  documents: Array<{ id: string; number: string; hubOrderId: string }>;
  requests: number;
  duplicates: number;
}

export interface SandboxProcess {
  /** e.g. http://127.0.0.1:43123 — what the 1С client's baseUrl expects. */
  baseUrl: string;
  /** A 1С client logged in to this sandbox. */
  oneC: OneCClient;
  /** The sandbox's record of transfer orders it received. */
  transferOrders(): Promise<SandboxTransferOrders>;
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

/** Polls /health; fails fast when the process exits instead of waiting out the timeout. */
async function waitUntilHealthy(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sandbox exited with code ${child.exitCode} before it was ready`);
    const healthy = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`sandbox did not become healthy at ${baseUrl} within ${STARTUP_TIMEOUT_MS} ms`);
}

/** Starts the sandbox on a free loopback port and waits until /health answers; stop it in afterAll. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(`${REPO_ROOT}node_modules/.bin/tsx`, ['apps/sandbox/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: '127.0.0.1',
      ONEC_USERNAME: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
      ONEC_PASSWORD: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilHealthy(baseUrl, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    oneC: createOneCClient({
      baseUrl,
      username: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
      password: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
      timeoutMs: 5_000,
    }),
    transferOrders: async () => (await (await fetch(`${baseUrl}/__sandbox/transfer-orders`)).json()) as SandboxTransferOrders,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
