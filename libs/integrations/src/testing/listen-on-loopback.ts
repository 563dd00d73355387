import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A real HTTP server on 127.0.0.1 for tests about the HTTP client; `close()` also drops open connections. */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `fetch` (e.g. a Hono app's) on a free loopback port. Used by specs only, never exported. */
export async function listenOnLoopback(fetch: (request: Request) => Response | Promise<Response>): Promise<LoopbackServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
