/** Runs started by this process and not finished yet, so shutdown can let them finish. */
export interface RunTracker {
  track(completion: Promise<unknown>): void;
  /** Resolves when every tracked run has settled, or after `timeoutMs`; true when all settled. */
  drain(timeoutMs: number): Promise<boolean>;
  readonly size: number;
}

export function createRunTracker(): RunTracker {
  const running = new Set<Promise<unknown>>();
  return {
    track(completion) {
      const settled = completion.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const all = Promise.all(running).then(() => true as const);
      return Promise.race([all, timedOut]).finally(() => clearTimeout(timer));
    },
    get size() {
      return running.size;
    },
  };
}
