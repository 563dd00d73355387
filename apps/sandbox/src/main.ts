import { serve } from '@hono/node-server';
import { createStdoutLogger } from '@hub/runtime';
import { closeHttpServer, exitOnStartFailure, stopOnSignals } from '@hub/runtime';
import { createSandboxApp } from './app';
import { readSandboxConfig } from './config';

const stdout = createStdoutLogger('sandbox');

function main(): void {
  const config = readSandboxConfig();
  const { app } = createSandboxApp({
    username: config.ONEC_USERNAME,
    password: config.ONEC_PASSWORD,
    moysklad: {
      tokens: [config.MOYSKLAD_TOKEN],
      limits: {
        tokenWeight: config.MOYSKLAD_TOKEN_WEIGHT,
        windowMs: config.MOYSKLAD_WINDOW_MS,
        unitsPerWindow: config.MOYSKLAD_WINDOW_UNITS,
        parallelPerToken: config.MOYSKLAD_PARALLEL_LIMIT,
      },
    },
  });
  const server = serve({ fetch: app.fetch, port: config.SANDBOX_PORT, hostname: config.SANDBOX_HOST }, (info) => {
    stdout.info({ url: `http://${info.address}:${info.port}` }, 'sandbox (1С and МойСклад stand-ins) listening');
  });

  stopOnSignals('sandbox', stdout, async (signal) => {
    stdout.info({ signal }, 'sandbox stopping');
    // The sandbox has no work worth waiting for.
    await closeHttpServer(server, { dropActive: true });
  });
}

try {
  main();
} catch (error) {
  exitOnStartFailure('sandbox', stdout, error);
}
