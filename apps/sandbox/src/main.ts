import { serve } from '@hono/node-server';
import { z } from 'zod';
import { ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { createStdoutLogger } from '@hub/logging';
import { createSandboxApp } from './app';

const logger = createStdoutLogger('sandbox');

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const envSchema = z.object({
  SANDBOX_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).default(8100)),
  SANDBOX_HOST: z.preprocess(blankAsUnset, z.string().default('0.0.0.0')),
  ONEC_USERNAME: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_USERNAME)),
  ONEC_PASSWORD: z.preprocess(blankAsUnset, z.string().default(ONE_C_ENV_DEFAULTS.ONEC_PASSWORD)),
});

const env = envSchema.safeParse(process.env);
if (!env.success) {
  const issue = env.error.issues[0];
  logger.fatal(`${String(issue?.path[0])} ${issue?.message ?? 'is invalid'}`);
  process.exit(1);
}
const { SANDBOX_PORT: port, SANDBOX_HOST: hostname, ONEC_USERNAME: username, ONEC_PASSWORD: password } = env.data;

const { app } = createSandboxApp({ username, password });
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  logger.info({ url: `http://${info.address}:${info.port}` }, 'sandbox (1С stand-in) listening');
});

function shutdown(signal: NodeJS.Signals): void {
  logger.info({ signal }, 'sandbox shutting down');
  server.close((error) => {
    if (error) logger.error({ err: error }, 'sandbox did not close cleanly');
    process.exit(error ? 1 : 0);
  });
  // Keep-alive connections would hold close() open; the sandbox has no work worth waiting for.
  if ('closeAllConnections' in server) server.closeAllConnections();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
