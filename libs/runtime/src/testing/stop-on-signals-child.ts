// Child process for process-lifecycle.spec.ts: stops on signals, counting how often `stop` ran.
import { stopOnSignals, type ProcessLogger } from '../process-lifecycle';

const logger: ProcessLogger = { error: () => undefined, fatal: () => undefined };
let stops = 0;
stopOnSignals('child', logger, async (signal) => {
  stops += 1;
  // Written at once, so a second call shows even though the first one exits the process.
  process.stdout.write(`stop call ${stops}\n`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  process.stdout.write(`stopped by ${signal}; stop ran ${stops} time(s)\n`);
  if (process.env['FAIL_STOP']) throw new Error('could not close');
});
process.stdout.write('ready\n');
setInterval(() => undefined, 1000);
