import { DEFAULT_WAIT_MS, within } from './within';

/**
 * A one-shot signal between a spec and the handlers it drives: one side opens it, the other
 * waits for it. Every wait is bounded and names what it waited for, so a signal that never
 * comes fails the test with a reason instead of hanging it.
 */
export interface Latch {
  open(): void;
  /** Resolves once open; rejects after `timeoutMs`, naming what never happened. */
  wait(timeoutMs?: number): Promise<void>;
}

/** A closed latch; `what` says what opens it ("replica B took the event over"). */
export function latch(what: string): Latch {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    wait: (timeoutMs = DEFAULT_WAIT_MS) => within(opened, `${what} did not happen`, timeoutMs),
  };
}
