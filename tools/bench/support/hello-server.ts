/**
 * The floors of P6 and P7, started like the API (node with tsx's loader) on a port the OS
 * picks: `hono` answers GET / with "Hello" through @hono/node-server; `http` is a bare
 * node:http server. Prints one JSON line `{"msg":"listening","url":…}` once it listens.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

function announce(server: Server): void {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${port}` })}\n`);
}

const kind = process.argv[2];
if (kind === 'hono') {
  const app = new Hono().get('/', (c) => c.text('Hello'));
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => announce(server as Server));
} else if (kind === 'http') {
  const server = createServer((_request, response) => response.end('Hello'));
  server.listen(0, '127.0.0.1', () => announce(server));
} else {
  throw new Error(`usage: hello-server.ts hono|http (got ${kind})`);
}
process.on('SIGTERM', () => process.exit(0));
