/**
 * `npm run bench:outbox [-- --events 50000 --replicas 2 --batch 1000]`: claim + deliver
 * throughput of the outbox with a no-op transport (parts/outbox-throughput.ts), on a scratch
 * database of BENCH_DATABASE_URL (else DATABASE_URL, else the embedded PostgreSQL), dropped at
 * the end. A benchmark, not a test: it prints figures and fails only when an event was lost or
 * delivered twice.
 */
import { parseArgs } from 'node:util';
import { measureOutboxThroughput } from './parts/outbox-throughput';
import { stopBenchServer } from './support/scratch';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    replicas: { type: 'string', default: '2' },
    batch: { type: 'string', default: '1000' },
  },
});

async function main(): Promise<void> {
  try {
    const figures = await measureOutboxThroughput({ events: Number(args.events), replicas: Number(args.replicas), batch: Number(args.batch) });
    console.log(`outbox throughput: ${JSON.stringify(figures, null, 2)}`);
    if (figures.duplicates > 0 || figures.lost !== 0) process.exitCode = 1;
  } finally {
    await stopBenchServer();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
