import { z } from 'zod';

/** Where a dropped connection happens: before 1С handles the request, or after (the answer is lost). */
export const DROP_POINTS = ['before_handling', 'after_handling'] as const;

/** Which of the sandbox's stand-ins a fault is for. */
export const SANDBOX_SYSTEMS = ['one_c', 'moysklad'] as const;
export type SandboxSystem = (typeof SANDBOX_SYSTEMS)[number];

/**
 * A fault for the next `times` requests to one system's API (1С unless `system` says otherwise). Dropping after handling is the
 * case idempotency exists for: 1С created the document, the caller never heard.
 */
export const sandboxFaultSchema = z
  .object({
    system: z.enum(SANDBOX_SYSTEMS).default('one_c'),
    times: z.number().int().positive().default(1),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    status: z
      .number()
      .int()
      .refine((status) => status === 429 || (status >= 500 && status <= 599), 'must be 429 or a 5xx')
      .optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    drop: z.enum(DROP_POINTS).optional(),
    /**
     * Only requests whose path below the system's API prefix starts with this (e.g. `/transfer-orders`),
     * so a test can fail one step of a longer conversation; absent, every request.
     */
    path: z.string().startsWith('/').optional(),
  })
  .refine((fault) => !(fault.status !== undefined && fault.drop !== undefined), {
    message: 'choose either status or drop, not both',
    path: ['drop'],
  });
export type SandboxFault = z.output<typeof sandboxFaultSchema>;

/** Faults queued by tests, consumed one matching request at a time in the order they were added. */
export class FaultPlan {
  private readonly queue: SandboxFault[] = [];

  add(fault: SandboxFault): void {
    this.queue.push({ ...fault });
  }

  clear(): void {
    this.queue.length = 0;
  }

  pending(): readonly SandboxFault[] {
    return this.queue;
  }

  /** The first queued fault that applies to `system`'s request for `path` (below its API prefix), if any; counts it down. */
  next(system: SandboxSystem, path: string): SandboxFault | undefined {
    const index = this.queue.findIndex(
      (fault) => fault.system === system && (fault.path === undefined || path.startsWith(fault.path)),
    );
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.queue.splice(index, 1);
    return { ...fault };
  }
}
