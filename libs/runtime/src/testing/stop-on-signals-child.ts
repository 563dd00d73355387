/*
 * Child process for process-lifecycle.spec.ts: stops on signals, counting how often `stop`
 * ran. Its stop holds until the spec sends "finish" over IPC, so the spec, not a timer,
 * decides when stopping ends — and can deliver a second signal while the first stop runs.
 */
import { stopOnSignals, type ProcessLogger } from '../process-lifecycle';

const logger: ProcessLogger = { error: () => undefined, fatal: () => undefined };
const finish = new Promise<void>((resolve) => process.once('message', () => resolve()));
// The spec's worker is gone (failed, killed): no "finish" will come, and nothing should outlive it.
process.once('disconnect', () => process.exit(2));

let stops = 0;
stopOnSignals('child', logger, async (signal) => {
  stops += 1;
  process.stdout.write(`stop call ${stops}\n`);
  await finish;
  process.stdout.write(`stopped by ${signal}; stop ran ${stops} time(s)\n`);
  if (process.env['FAIL_STOP']) throw new Error('could not close');
});
// Added after stopOnSignals' listeners, so each runs after theirs: once the spec reads
// "got SIGTERM", a stop call that signal caused has already been written.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.stdout.write(`got ${signal}\n`));
process.stdout.write('ready\n');
