import { CustomerOrderBook } from './customer-order-book';
import { createMoySkladSeed, type MsSandboxSeed } from './ms-seed';
import { MS_SANDBOX_DEFAULT_LIMITS, RequestLimits, type MsSandboxLimits } from './request-limits';
import { MOYSKLAD_ENV_DEFAULTS } from '@hub/integrations';

export interface MoySkladSandboxOptions {
  /** Bearer tokens accepted; all belong to one account (for the per-account parallel limit). */
  tokens?: string[];
  limits?: Partial<MsSandboxLimits>;
  seed?: MsSandboxSeed;
}

/** The sandbox's МойСклад account, in memory; `reset()` returns to the seed and forgets counted requests. */
export class MoySkladState {
  readonly seed: MsSandboxSeed;
  readonly tokens: readonly string[];
  readonly limitSettings: MsSandboxLimits;
  customerOrders = new CustomerOrderBook();
  limits: RequestLimits;

  constructor(options: MoySkladSandboxOptions = {}) {
    this.seed = options.seed ?? createMoySkladSeed();
    this.tokens = options.tokens ?? [MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN];
    this.limitSettings = { ...MS_SANDBOX_DEFAULT_LIMITS, ...options.limits };
    this.limits = new RequestLimits(this.limitSettings);
  }

  reset(): void {
    this.customerOrders = new CustomerOrderBook();
    this.limits = new RequestLimits(this.limitSettings);
  }

  /** What GET /__sandbox/moysklad/stats answers. */
  stats() {
    return { limits: this.limitSettings, requests: { ...this.limits.counts }, customerOrders: this.customerOrders.summary() };
  }
}
