import { z } from 'zod';

/** Where a dropped connection happens: before 1С handles the request, or after (the answer is lost). */
export const DROP_POINTS = ['before_handling', 'after_handling'] as const;

/**
 * A fault for the next `times` requests to the 1С API. Dropping after handling is the
 * case idempotency exists for: 1С created the document, the caller never heard.
 */
export const sandboxFaultSchema = z
  .object({
    times: z.number().int().positive().default(1),
    latencyMs: z.number().int().nonnegative().max(60_000).optional(),
    status: z
      .number()
      .int()
      .refine((status) => status === 429 || (status >= 500 && status <= 599), 'must be 429 or a 5xx')
      .optional(),
    retryAfterSeconds: z.number().int().nonnegative().optional(),
    drop: z.enum(DROP_POINTS).optional(),
  })
  .refine((fault) => !(fault.status !== undefined && fault.drop !== undefined), {
    message: 'choose either status or drop, not both',
    path: ['drop'],
  });
export type SandboxFault = z.output<typeof sandboxFaultSchema>;

/** Faults queued by tests, consumed one request at a time in the order they were added. */
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

  /** The fault for the request being handled now, if any; counts it down. */
  next(): SandboxFault | undefined {
    const fault = this.queue[0];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.queue.shift();
    return { ...fault };
  }
}
