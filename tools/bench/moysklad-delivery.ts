/**
 * `npm run bench:moysklad`: two replicas deliver BENCH_EVENTS (default 450) МойСклад orders
 * through the shared rate limiter against the sandbox (see parts/moysklad-delivery.ts); prints
 * the figures as JSON. Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres.
 */
import { measureMoySkladDelivery } from './parts/moysklad-delivery';

const events = Number(process.env['BENCH_EVENTS'] ?? 450);
const serverUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

measureMoySkladDelivery(events, serverUrl).then(
  (report) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`),
  (error: unknown) => {
    process.stderr.write(`bench:moysklad failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
