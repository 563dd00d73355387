/**
 * One replenishment run, end to end, through the entry point the api and the scheduler call
 * (startReplenishmentRun), in its own process so its peak RSS is the run's:
 * `--database-url URL --onec-url URL`. Writes one JSON line: seconds, peak RSS, the outcome.
 * Log rows go to the database as in production; their stdout copies are dropped.
 */
import { parseArgs } from 'node:util';
import { createOrmOptions, createSessionFactory, MikroORM } from '@hub/db';
import { createOneCClient, ONE_C_ENV_DEFAULTS } from '@hub/integrations';
import { createStdoutLogger, LoggerService } from '@hub/logging';
import { startReplenishmentRun } from '@hub/replenishment';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, 'onec-url': { type: 'string' } } });
const databaseUrl = values['database-url'];
const oneCUrl = values['onec-url'];
if (!databaseUrl || !oneCUrl) {
  console.error('--database-url and --onec-url are required');
  process.exit(2);
}

async function main(databaseUrl: string, oneCUrl: string): Promise<void> {
  const orm = await MikroORM.init(createOrmOptions(databaseUrl));
  try {
    const sessions = createSessionFactory(orm);
    const logger = new LoggerService({ source: 'bench', session: sessions.open, stdout: createStdoutLogger('bench', 'info', { write: () => undefined }) });
    // A generous timeout: the machine is shared, and a slow answer is a figure, not a failure.
    const oneC = createOneCClient({
      baseUrl: oneCUrl,
      username: ONE_C_ENV_DEFAULTS.ONEC_USERNAME,
      password: ONE_C_ENV_DEFAULTS.ONEC_PASSWORD,
      timeoutMs: 120_000,
    });
    // What the peak is made of (V8's heap, or buffers and strings outside it), sampled.
    const peak = { rss: 0, heapUsed: 0, external: 0 };
    const sampler = setInterval(() => {
      const memory = process.memoryUsage();
      if (memory.rss > peak.rss) Object.assign(peak, { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external });
    }, 50);
    const started = performance.now();
    const run = await startReplenishmentRun({ sessions, oneC, logger }, { trigger: 'endpoint' });
    const outcome = await run.completion;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
    const atPeakMb = { heapUsed: Math.round(peak.heapUsed / 1e6), external: Math.round(peak.external / 1e6) };
    console.log(JSON.stringify({ runId: run.runId, seconds, peakRssMb, atPeakMb, outcome }));
  } finally {
    await orm.close();
  }
}

main(databaseUrl, oneCUrl).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
