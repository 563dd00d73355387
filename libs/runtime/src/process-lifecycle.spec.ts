import { spawn } from 'node:child_process';
import { createServer, request } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeHttpServer } from './process-lifecycle';

const CHILD = join(__dirname, 'testing', 'stop-on-signals-child.ts');

/** A server on 127.0.0.1 whose one route answers after `delayMs`. */
async function slowServer(delayMs: number) {
  const server = createServer((_req, res) => setTimeout(() => res.end('done'), delayMs));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const get = () =>
    new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk)).on('end', () => resolve(body)).on('error', reject);
      }).on('error', reject).end();
    });
  return { server, get };
}

describe('closeHttpServer', () => {
  it('lets a request in progress finish before it resolves', async () => {
    const { server, get } = await slowServer(300);
    const answer = get();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeHttpServer(server);
    await expect(answer).resolves.toBe('done');
    expect(server.listening).toBe(false);
  });

  it('gives up waiting after graceMs', async () => {
    const { server, get } = await slowServer(5_000);
    let settled = false;
    const answer = get()
      .catch(() => 'cut')
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeHttpServer(server, { graceMs: 100 });
    expect(settled).toBe(false);
    server.closeAllConnections();
    expect(await answer).toBe('cut');
  });

  it('cuts requests in progress with dropActive', async () => {
    const { server, get } = await slowServer(5_000);
    const answer = get().catch(() => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closeHttpServer(server, { dropActive: true });
    expect(await answer).toBe('cut');
  });
});

/** Starts the child, sends `signals` once it is ready, returns its exit code and output. */
async function signalChild(signals: NodeJS.Signals[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  while (!output.includes('ready')) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const signal of signals) child.kill(signal);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

describe('stopOnSignals', () => {
  it('stops once for the SIGINT and SIGTERM that Ctrl+C under npm run dev delivers, and exits 0', async () => {
    const { code, output } = await signalChild(['SIGINT', 'SIGTERM']);
    // Node may handle two signals sent together in either order; what matters is one stop.
    expect(output).toMatch(/stopped by SIG(INT|TERM); stop ran 1 time\(s\)/);
    expect(output).toContain('stop call 1');
    expect(output).not.toContain('stop call 2');
    expect(code).toBe(0);
  });

  it('exits 1 when stopping fails', async () => {
    const { code } = await signalChild(['SIGTERM'], { FAIL_STOP: '1' });
    expect(code).toBe(1);
  });
});
