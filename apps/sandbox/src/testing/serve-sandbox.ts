import { listenOnLoopback, sandboxControl, type SandboxControl } from '@hub/test-kit';
import { createSandboxApp, type SandboxAppOptions } from '../app';

/**
 * A sandbox on a free 127.0.0.1 port, for specs about real HTTP (the 1С client, dropped
 * connections): its state to look into, and the same control endpoints a sandbox process has.
 */
export interface ServedSandbox extends ReturnType<typeof createSandboxApp>, SandboxControl {
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveSandbox(options?: SandboxAppOptions): Promise<ServedSandbox> {
  const sandbox = createSandboxApp(options);
  const server = await listenOnLoopback(sandbox.app.fetch);
  return { ...sandbox, ...sandboxControl(server.url), baseUrl: server.url, close: server.close };
}
