import { listenOnLoopback } from '@hub/testing';
import { createSandboxApp, type SandboxAppOptions } from '../app';

/** A sandbox on a free 127.0.0.1 port, for specs about real HTTP (the 1С client, dropped connections). */
export interface ServedSandbox extends ReturnType<typeof createSandboxApp> {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveSandbox(options?: SandboxAppOptions): Promise<ServedSandbox> {
  const sandbox = createSandboxApp(options);
  const server = await listenOnLoopback(sandbox.app.fetch);
  return { ...sandbox, baseUrl: server.url, close: server.close };
}
