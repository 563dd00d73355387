import { z } from 'zod';
import { seededRandom } from '@hub/runtime';

/** Where a dropped connection happens: before 1С handles the request, or after (the answer is lost). */
export const DROP_POINTS = ['before_handling', 'after_handling'] as const;

/** Which of the sandbox's stand-ins a fault is for. */
export const SANDBOX_SYSTEMS = ['one_c', 'moysklad'] as const;
export type SandboxSystem = (typeof SANDBOX_SYSTEMS)[number];

/**
 * A fault for one system's API (1С unless `system` says otherwise): for the next `times`
 * requests (queued, default once), or — with `ratePercent` — for that share of all requests
 * until the faults are cleared, drawn from a generator seeded with `seed` so a test sees the
 * same requests fail on every run. Dropping after handling is the case idempotency exists
 * for: the other side created the document, the caller never heard.
 */
export const sandboxFaultSchema = z
  .object({
    system: z.enum(SANDBOX_SYSTEMS).default('one_c'),
    times: z.number().int().positive().optional(),
    ratePercent: z.number().gt(0).max(100).optional(),
    /** Seeds a rate fault's generator; 1 when omitted. */
    seed: z.number().int().nonnegative().optional(),
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
  })
  .refine((fault) => !(fault.times !== undefined && fault.ratePercent !== undefined), {
    message: 'choose either times (the next requests) or ratePercent (a share of all requests), not both',
    path: ['times'],
  })
  .transform(({ times, ...fault }) => (fault.ratePercent === undefined ? { ...fault, times: times ?? 1 } : fault));
export type SandboxFault = z.output<typeof sandboxFaultSchema>;

/** One fault the sandbox applied, for tests that check how the caller reacted (e.g. waited out a 429). */
export interface InjectedFault {
  system: SandboxSystem;
  method: string;
  path: string;
  /** The request's Idempotency-Key, when it carried one: which delivery was hit. */
  idempotencyKey: string | undefined;
  status: number | undefined;
  retryAfterSeconds: number | undefined;
  drop: (typeof DROP_POINTS)[number] | undefined;
  latencyMs: number | undefined;
  at: string;
}

/** What a request looked like, for matching and for the record. */
export interface FaultRequest {
  system: SandboxSystem;
  method: string;
  path: string;
  idempotencyKey: string | undefined;
}

type RateFault = SandboxFault & { ratePercent: number; draw: () => number };

/**
 * Faults set by tests. Queued ones are consumed one matching request at a time in the order
 * they were added and come first; rate ones apply to a share of matching requests until cleared.
 */
export class FaultPlan {
  private readonly queue: Array<SandboxFault & { times: number }> = [];
  private readonly rates: RateFault[] = [];
  private readonly log: InjectedFault[] = [];
  private release = new AbortController();

  /**
   * Aborted when the faults are cleared: a request still held by a latency fault goes on at
   * once, so a test can hold a call for as long as it needs and let it go when it chooses.
   */
  get cleared(): AbortSignal {
    return this.release.signal;
  }

  add(fault: SandboxFault): void {
    if (fault.ratePercent === undefined) this.queue.push({ ...fault, times: 'times' in fault ? fault.times : 1 });
    else this.rates.push({ ...fault, ratePercent: fault.ratePercent, draw: seededRandom(fault.seed ?? 1) });
  }

  clear(): void {
    this.queue.length = 0;
    this.rates.length = 0;
    this.log.length = 0;
    this.release.abort();
    this.release = new AbortController();
  }

  /** Queued faults not yet used up. */
  pending(): readonly SandboxFault[] {
    return this.queue;
  }

  /** Rate faults in force. */
  active(): readonly SandboxFault[] {
    return this.rates.map(({ draw: _draw, ...fault }) => fault);
  }

  /** Every fault applied since the last clear, oldest first. */
  injected(): readonly InjectedFault[] {
    return this.log;
  }

  /** The fault for this request of `system`'s API (path below its prefix), if any; records it. */
  next(request: FaultRequest): SandboxFault | undefined {
    const applies = (fault: SandboxFault) => fault.system === request.system && (fault.path === undefined || request.path.startsWith(fault.path));
    const fault = this.takeQueued(applies) ?? this.rates.find((rate) => applies(rate) && rate.draw() * 100 < rate.ratePercent);
    if (!fault) return undefined;
    const { status, retryAfterSeconds, drop, latencyMs } = fault;
    this.log.push({ ...request, status, retryAfterSeconds, drop, latencyMs, at: new Date().toISOString() });
    return fault;
  }

  private takeQueued(applies: (fault: SandboxFault) => boolean): SandboxFault | undefined {
    const index = this.queue.findIndex(applies);
    const fault = this.queue[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times === 0) this.queue.splice(index, 1);
    return { ...fault };
  }
}
