import { serve } from '@hono/node-server';
import { createStdoutLogger } from '@hub/logging';
import { createSandboxApp } from './app';
import { readSandboxConfig, SandboxConfigError } from './config';

const stdout = createStdoutLogger('sandbox');

function main(): void {
  const config = readSandboxConfig();
  const { app } = createSandboxApp({ username: config.ONEC_USERNAME, password: config.ONEC_PASSWORD });
  const server = serve({ fetch: app.fetch, port: config.SANDBOX_PORT, hostname: config.SANDBOX_HOST }, (info) => {
    stdout.info({ url: `http://${info.address}:${info.port}` }, 'sandbox (1С stand-in) listening');
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    // Ctrl+C under `npm run dev` delivers both the terminal's SIGINT and dev's SIGTERM: stop once.
    if (stopping) return;
    stopping = true;
    stdout.info({ signal }, 'sandbox stopping');
    server.close((error) => {
      if (error) stdout.error({ err: error }, 'sandbox did not stop cleanly');
      process.exit(error ? 1 : 0);
    });
    // Keep-alive connections would hold close() open; the sandbox has no work worth waiting for.
    if ('closeAllConnections' in server) server.closeAllConnections();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, shutdown);
}

try {
  main();
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  stdout.fatal(error instanceof SandboxConfigError ? {} : { err: error }, `sandbox failed to start: ${reason}`);
  process.exit(1);
}
