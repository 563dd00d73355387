import { createServer, type AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** A real HTTP server on 127.0.0.1 for specs about real HTTP; `close()` also drops open connections. */
export interface LoopbackServer {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  close(): Promise<void>;
}

/** Serves `fetch` (e.g. a Hono app's) on a port the OS picks, so specs running in parallel never clash. */
export async function listenOnLoopback(fetch: (request: Request) => Response | Promise<Response>): Promise<LoopbackServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // fetch keeps connections alive; without this close() waits for them to idle out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * A loopback port nobody listens on right now (the OS picks it, then it is closed again):
 * for a client that must meet a refused connection. Not for starting a server on — give
 * the server port 0 instead, so nothing can take the port in between.
 */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}
