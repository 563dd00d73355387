/**
 * The sandbox's loopback-only control endpoints (`/__sandbox/...`), for specs that steer a
 * sandbox — a process (`startSandboxProcess`) or one served in the spec's own process.
 */

/** What GET /__sandbox/transfer-orders reports. */
export interface SandboxTransferOrders {
  documents: Array<{ id: string; number: string; hubOrderId: string; idempotencyKey: string; createdAt: string }>;
  requests: number;
  duplicates: number;
}

/** A fault the sandbox applied (GET /__sandbox/faults `injected`). */
export interface SandboxInjectedFault {
  system: string;
  method: string;
  path: string;
  idempotencyKey?: string;
  status?: number;
  retryAfterSeconds?: number;
  drop?: string;
  latencyMs?: number;
  at: string;
}

/** What GET /__sandbox/faults reports: queued faults still to be used, rate faults in force, and every one applied. */
export interface SandboxFaults {
  pending: Record<string, unknown>[];
  active: Record<string, unknown>[];
  injected: SandboxInjectedFault[];
}

export interface SandboxControl {
  /** The sandbox's record of the transfer orders it received. */
  transferOrders(): Promise<SandboxTransferOrders>;
  /** Sets a fault (the body of POST /__sandbox/faults: e.g. `{ status: 503, ratePercent: 30, seed: 1 }`). */
  injectFault(fault: Record<string, unknown>): Promise<void>;
  /** Clears every fault and the record of applied ones, and lets go of requests a latency fault still holds. */
  clearFaults(): Promise<void>;
  /** Every fault applied since the last clear, oldest first. */
  injectedFaults(): Promise<SandboxInjectedFault[]>;
  /** The faults in force and every one applied. */
  faults(): Promise<SandboxFaults>;
  /** Back to the seeded data (stock, orders, sales), no faults. */
  reset(): Promise<void>;
}

/** Calls a control endpoint; anything but 2xx is an error naming the call and the answer. */
async function control<T>(baseUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/__sandbox${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`sandbox answered ${method} /__sandbox${path} with ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The control endpoints of the sandbox at `baseUrl`. */
export function sandboxControl(baseUrl: string): SandboxControl {
  return {
    transferOrders: () => control<SandboxTransferOrders>(baseUrl, 'GET', '/transfer-orders'),
    injectFault: async (fault) => void (await control(baseUrl, 'POST', '/faults', fault)),
    clearFaults: async () => void (await control(baseUrl, 'DELETE', '/faults')),
    injectedFaults: async () => (await control<SandboxFaults>(baseUrl, 'GET', '/faults')).injected,
    faults: () => control<SandboxFaults>(baseUrl, 'GET', '/faults'),
    reset: async () => void (await control(baseUrl, 'POST', '/reset')),
  };
}
