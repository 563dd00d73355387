/**
 * The sandbox (1С's stand-in) seeded with the bench network, in its own process so a run's
 * peak RSS is the run's alone: BENCH_NETWORK_WAREHOUSES × BENCH_NETWORK_SKUS (seed 42, the
 * planner bench's). Listens on a port the OS
 * picks on 127.0.0.1 and writes `{"url": …}` once it does (what waitForLine reads).
 */
import { serve } from '@hono/node-server';
import { createSandboxApp } from '../../../apps/sandbox/src/app';
import { networkSeed } from '../support/network-seed';

const shape = { warehouses: Number(process.env['BENCH_NETWORK_WAREHOUSES']), skus: Number(process.env['BENCH_NETWORK_SKUS']), seed: 42 };
if (![shape.warehouses, shape.skus].every((n) => Number.isInteger(n) && n > 0)) {
  console.error(`BENCH_NETWORK_WAREHOUSES and BENCH_NETWORK_SKUS must be positive integers, got ${shape.warehouses} and ${shape.skus}`);
  process.exit(2);
}
const { app } = createSandboxApp({ seed: networkSeed(shape) });
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}` }));
});
