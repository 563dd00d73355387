import { createStdoutLogger, type StdoutLogger } from '@hub/logging';

/** A stdout logger whose lines a spec reads back. */
export interface CapturedStdout {
  logger: StdoutLogger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line written so far, as written (for "never logs the token" checks). */
  text(): string;
}

/**
 * The apps' real stdout logger (same levels, correlation ids and redaction) writing to memory
 * instead of stdout, so a spec sees exactly the lines the app would print.
 */
export function captureStdout(source: string, level = 'debug'): CapturedStdout {
  const written: string[] = [];
  const logger = createStdoutLogger(source, level, { write: (line: string) => void written.push(line) });
  return {
    logger,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}
