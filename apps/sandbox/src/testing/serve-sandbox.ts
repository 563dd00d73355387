import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createSandboxApp, type SandboxAppOptions } from '../app';

/** A sandbox on a free 127.0.0.1 port, for specs about real HTTP (the 1С client, dropped connections). */
export interface ServedSandbox extends ReturnType<typeof createSandboxApp> {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveSandbox(options?: SandboxAppOptions): Promise<ServedSandbox> {
  const sandbox = createSandboxApp(options);
  const server = serve({ fetch: sandbox.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...sandbox,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise((resolve) => server.close(resolve));
      // fetch keeps connections alive; without this close() waits for them to idle out.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
    },
  };
}
