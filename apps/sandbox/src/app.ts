import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { MOYSKLAD_API_PREFIX, ONE_C_API_PREFIX, ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { errorBody, respondNotFound, respondToError, SANDBOX_ERROR_CODES } from './http/sandbox-error';
import { injectFaults } from './http/inject-faults';
import { catalogRoutes } from './routes/catalog-routes';
import { controlRoutes, SANDBOX_CONTROL_PREFIX } from './routes/control-routes';
import { transferOrderRoutes } from './routes/transfer-order-routes';
import type { SandboxSeed } from './seed/seed-types';
import { SandboxState } from './state/sandbox-state';
import { MoySkladState, type MoySkladSandboxOptions } from './moysklad/moysklad-state';
import { moySkladApi, moySkladControlRoutes } from './moysklad/moysklad-api';
import { moySkladFaultAnswer } from './moysklad/ms-http';
import { ODATA_STANDIN_PREFIX, odataControlRoutes, odataRoutes } from './odata/odata-routes';

export type { SandboxSeed } from './seed/seed-types';
export { createDemoSeed } from './seed/demo-seed';
export { DEMO_WAREHOUSE_IDS } from './seed/demo-catalog';
export { SandboxState } from './state/sandbox-state';
export type { SandboxFault } from './state/fault-plan';
export { MoySkladState, type MoySkladSandboxOptions } from './moysklad/moysklad-state';
export { ODATA_STANDIN_PREFIX } from './odata/odata-routes';

/** Credentials and data for one sandbox; defaults match the 1С client's defaults. */
export interface SandboxAppOptions {
  username?: string;
  password?: string;
  /** Defaults to the demo network from `createDemoSeed()`. */
  seed?: SandboxSeed;
  /** МойСклад's tokens and limits; the client's default token and the documented limits otherwise. */
  moysklad?: MoySkladSandboxOptions;
}

/**
 * The 1С stand-in (ONE_C_API_PREFIX, Basic auth) and the МойСклад stand-in (MOYSKLAD_API_PREFIX,
 * Bearer token, documented limits; see moysklad/), control
 * endpoints under /__sandbox (including fault injection), and /health.
 * Returns the state too, so tests can look inside without HTTP.
 */
export function createSandboxApp(options: SandboxAppOptions = {}): { app: Hono; state: SandboxState } {
  const state = new SandboxState(options.seed, new MoySkladState(options.moysklad));
  const oneC = new Hono();
  // Faults come before auth: a failing proxy or a busy 1С answers before checking anyone.
  oneC.use(injectFaults(state.faults, 'one_c', ONE_C_API_PREFIX));
  oneC.use(
    basicAuth({
      username: options.username ?? ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
      password: options.password ?? ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
      realm: '1C integration API',
      invalidUserMessage: errorBody(SANDBOX_ERROR_CODES.unauthorized, 'valid Basic credentials are required'),
    }),
  );
  oneC.route('/', catalogRoutes(state));
  oneC.route('/', transferOrderRoutes(state));

  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route(ONE_C_API_PREFIX, oneC);
  app.route(SANDBOX_CONTROL_PREFIX, controlRoutes(state));
  const moysklad = new Hono();
  moysklad.use(injectFaults(state.faults, 'moysklad', MOYSKLAD_API_PREFIX, moySkladFaultAnswer));
  moysklad.route('/', moySkladApi(state.moysklad));
  app.route(MOYSKLAD_API_PREFIX, moysklad);
  app.route(`${SANDBOX_CONTROL_PREFIX}/moysklad`, moySkladControlRoutes(state.moysklad));
  const odata = new Hono();
  odata.use(injectFaults(state.faults, 'one_c', ODATA_STANDIN_PREFIX));
  odata.route(
    '/',
    odataRoutes(state, { username: options.username ?? ONE_C_ENV_DEFAULTS.ONEC_USERNAME, password: options.password ?? ONE_C_ENV_DEFAULTS.ONEC_PASSWORD }),
  );
  app.route(ODATA_STANDIN_PREFIX, odata);
  app.route(`${SANDBOX_CONTROL_PREFIX}/odata`, odataControlRoutes(state));
  app.onError(respondToError);
  app.notFound(respondNotFound);
  return { app, state };
}
