import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { stillPending, within } from '@hub/test-kit';
import { closeHttpServer } from './process-lifecycle';

const CHILD = join(__dirname, 'testing', 'stop-on-signals-child.ts');
/** Node with tsx's loader can take seconds to start on a busy machine. */
const CHILD_START_MS = 30_000;

/** A server on 127.0.0.1 that answers nothing until the test calls `answerAll()`. */
async function heldServer() {
  const server = createServer();
  const held: ServerResponse[] = [];
  server.on('request', (_req, res: ServerResponse) => held.push(res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    /** Sends a GET; resolves once the server holds it, with its answer to come: the body, or 'cut'. */
    async send(): Promise<{ answer: Promise<string> }> {
      const seen = once(server, 'request');
      const answer = new Promise<string>((resolve) => {
        request({ host: '127.0.0.1', port, agent: false }, (res) => {
          let body = '';
          res
            .on('data', (chunk) => (body += chunk))
            .on('end', () => resolve(body))
            .on('error', () => resolve('cut'));
        })
          .on('error', () => resolve('cut'))
          .end();
      });
      await within(seen, 'the server never saw the request');
      return { answer };
    },
    answerAll: () => held.splice(0).forEach((res) => res.end('done')),
  };
}

const servers: Server[] = [];
const startHeldServer = async () => {
  const held = await heldServer();
  servers.push(held.server);
  return held;
};
afterEach(() => servers.splice(0).forEach((server) => server.closeAllConnections()));

describe('closeHttpServer', () => {
  it('lets a request in progress finish before it resolves', async () => {
    const { server, send, answerAll } = await startHeldServer();
    const { answer } = await send();
    const closing = closeHttpServer(server);
    expect(await stillPending(closing), 'closeHttpServer resolved while a request was in progress').toBe(true);
    answerAll();
    await within(closing, 'closeHttpServer never resolved after the request was answered');
    await expect(answer).resolves.toBe('done');
    expect(server.listening).toBe(false);
  });

  it('gives up waiting after graceMs', async () => {
    const { server, send } = await startHeldServer();
    const { answer } = await send();
    await within(closeHttpServer(server, { graceMs: 100 }), 'closeHttpServer did not give up after its 100 ms grace');
    expect(await stillPending(answer), 'the request in progress ended with the grace').toBe(true);
    server.closeAllConnections();
    expect(await answer).toBe('cut');
  });

  it('cuts requests in progress with dropActive', async () => {
    const { server, send } = await startHeldServer();
    const { answer } = await send();
    await within(closeHttpServer(server, { dropActive: true }), 'closeHttpServer with dropActive never resolved');
    expect(await within(answer, 'the held request was never cut')).toBe('cut');
  });
});

/** The child on stdio pipes and IPC: its stdout lines, a bounded wait for one, and its exit code. */
function startChild(env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  reader.on('line', (line) => lines.push(line));
  const wrote = (text: string, timeoutMs?: number): Promise<void> => {
    const seen = new Promise<void>((resolve) => {
      const check = (line: string) => line === text && (reader.off('line', check), resolve());
      if (lines.includes(text)) resolve();
      else reader.on('line', check);
    });
    return within(seen, () => `the child never wrote "${text}" (it wrote ${JSON.stringify(lines)})`, timeoutMs);
  };
  return {
    child,
    lines,
    wrote,
    /** Tells the child's stop to finish, and resolves with the exit code. */
    async finish(): Promise<number | null> {
      child.send('finish');
      const [code] = await within(exited, () => `the child never exited (it wrote ${JSON.stringify(lines)})`);
      return code;
    },
  };
}

describe('stopOnSignals', () => {
  it('stops once for the SIGINT and SIGTERM that Ctrl+C under npm run dev delivers, and exits 0', async () => {
    const { child, lines, wrote, finish } = startChild();
    await wrote('ready', CHILD_START_MS);
    child.kill('SIGINT');
    await wrote('stop call 1');
    // The terminal's SIGINT is still being handled when dev's SIGTERM arrives.
    child.kill('SIGTERM');
    await wrote('got SIGTERM');

    expect(await finish()).toBe(0);
    expect(lines).toEqual(['ready', 'stop call 1', 'got SIGINT', 'got SIGTERM', 'stopped by SIGINT; stop ran 1 time(s)']);
  });

  it('exits 1 when stopping fails', async () => {
    const { child, wrote, finish } = startChild({ FAIL_STOP: '1' });
    await wrote('ready', CHILD_START_MS);
    child.kill('SIGTERM');
    await wrote('stop call 1');

    expect(await finish()).toBe(1);
  });
});
