import { randomUUID } from 'node:crypto';
import { OPERATOR_HEADER } from '@hub/runtime';
// The API's own schemas (libs/api-contract): what the API is checked to answer is what the admin reads.
import {
  apiErrorSchema,
  dryRunPlanSchema,
  retryAcceptedSchema,
  runInProgressSchema,
  triggerAcceptedSchema,
  warehouseListSchema,
  type DryRunPlan,
} from '@hub/api-contract';

/** Where the Integration Hub API is and how the admin authenticates to it. */
export interface HubApiOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set; never shown on a page or logged. */
  token?: string;
  fetch?: typeof fetch;
}

export interface WarehouseOption {
  id: string;
  code: string;
  name: string;
}

/** The warehouse list for the trigger form; an unreachable API only disables the select. */
export type WarehouseList = { kind: 'available'; items: WarehouseOption[] } | { kind: 'unavailable' };

/** How a trigger request ended, as the operator is told about it. */
export type TriggerOutcome =
  | { kind: 'started'; runId: string }
  /** 409: a run for an overlapping target is in progress; the API names it. */
  | { kind: 'busy'; runId: string }
  | { kind: 'rejected'; status: number }
  | { kind: 'unexpected-answer' }
  | { kind: 'unreachable' };

/**
 * How a manual retry of a dead outbox event ended. `refused`: the API said no, in its
 * own words when its answer carried them (`message`).
 */
export type OutboxRetryOutcome =
  | { kind: 'retried'; aggregateReset: boolean }
  | { kind: 'refused'; status: number; message: string | null }
  | { kind: 'unexpected-answer' }
  | { kind: 'unreachable' };

/** How a preview (the API's dry run) ended. */
export type PreviewOutcome =
  { kind: 'planned'; plan: DryRunPlan } | { kind: 'refused'; status: number; message: string | null } | { kind: 'unexpected-answer' } | { kind: 'unreachable' };

/** The calls the admin makes to the API. */
export interface HubApi {
  listWarehouses(): Promise<WarehouseList>;
  /** The API's dry run for `warehouseId` (all warehouses with rules when undefined): nothing is written. */
  previewRun(warehouseId: string | undefined): Promise<PreviewOutcome>;
  /** Starts a run on behalf of `operator` (their username), whom the run records. */
  triggerReplenishment(warehouseId: string | undefined, operator: string): Promise<TriggerOutcome>;
  /** Retries a dead event on behalf of `operator`, whom the API's log row names. */
  retryOutboxEvent(eventId: string, operator: string): Promise<OutboxRetryOutcome>;
}

/** How the admin introduces itself to the API. */
export const ADMIN_USER_AGENT = 'integration-hub-admin';

// The page waits for the list, so it must not hang on a stuck API; a trigger may take longer to accept.
const LIST_TIMEOUT_MS = 2_000;
const TRIGGER_TIMEOUT_MS = 10_000;
// A dry run reads 1С live, as a run does: it may take a while.
const PREVIEW_TIMEOUT_MS = 60_000;
// One conditional UPDATE on the API's side: quick, but an answer is worth waiting for.
const RETRY_TIMEOUT_MS = 10_000;

/** The API's `trigger` value for runs the admin starts. */
const ADMIN_TRIGGER = 'admin';

/** An answer whose body is not read must still be drained, or its connection stays taken until garbage collection. */
async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** An error answer, in the API's own words when its body carries them. */
function refusalOf(response: Response, body: unknown): { kind: 'refused'; status: number; message: string | null } {
  const refusal = apiErrorSchema.safeParse(body);
  return { kind: 'refused', status: response.status, message: refusal.success ? refusal.data.error.message : null };
}

/** A client for the API's warehouse list, dry run, internal-replenishment trigger and outbox retry. */
export function createHubApi(options: HubApiOptions): HubApi {
  const send = options.fetch ?? fetch;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    accept: 'application/json',
    // Lets the API's log rows for this call be found by the admin's own request id.
    'x-request-id': randomUUID(),
    // Names the caller in the API's audit rows (e.g. a manual outbox retry's).
    'user-agent': ADMIN_USER_AGENT,
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...extra,
  });
  // Relative paths against a base ending in '/' keep a path prefix such as http://host/hub/.
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const url = (path: string): string => new URL(path, base).toString();

  return {
    async listWarehouses() {
      try {
        const response = await send(url('api/v1/warehouses'), { headers: headers(), signal: AbortSignal.timeout(LIST_TIMEOUT_MS) });
        if (!response.ok) {
          await discardBody(response);
          return { kind: 'unavailable' };
        }
        const parsed = warehouseListSchema.safeParse(await response.json());
        return parsed.success ? { kind: 'available', items: parsed.data.items } : { kind: 'unavailable' };
      } catch {
        return { kind: 'unavailable' };
      }
    },

    async previewRun(warehouseId) {
      let response: Response;
      try {
        const query = new URLSearchParams({ dry_run: 'true', ...(warehouseId ? { warehouse_id: warehouseId } : {}) });
        response = await send(url(`api/v1/trigger/internal-replenishment?${query.toString()}`), {
          method: 'POST',
          headers: headers(),
          signal: AbortSignal.timeout(PREVIEW_TIMEOUT_MS),
        });
      } catch {
        return { kind: 'unreachable' };
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) return refusalOf(response, body);
      const plan = dryRunPlanSchema.safeParse(body);
      return plan.success ? { kind: 'planned', plan: plan.data } : { kind: 'unexpected-answer' };
    },

    async triggerReplenishment(warehouseId, operator) {
      let response: Response;
      try {
        response = await send(url('api/v1/trigger/internal-replenishment'), {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json', [OPERATOR_HEADER]: operator }),
          // The API records who started the run: the admin, on an operator's behalf.
          body: JSON.stringify({ ...(warehouseId ? { warehouse_id: warehouseId } : {}), trigger: ADMIN_TRIGGER }),
          signal: AbortSignal.timeout(TRIGGER_TIMEOUT_MS),
        });
      } catch {
        return { kind: 'unreachable' };
      }
      if (response.status === 409) {
        const busy = runInProgressSchema.safeParse(await response.json().catch(() => undefined));
        return busy.success ? { kind: 'busy', runId: busy.data.error.run_id } : { kind: 'rejected', status: 409 };
      }
      if (!response.ok) {
        await discardBody(response);
        return { kind: 'rejected', status: response.status };
      }
      const accepted = triggerAcceptedSchema.safeParse(await response.json().catch(() => undefined));
      return accepted.success ? { kind: 'started', runId: accepted.data.run_id } : { kind: 'unexpected-answer' };
    },

    async retryOutboxEvent(eventId, operator) {
      let response: Response;
      try {
        response = await send(url(`api/v1/outbox/${encodeURIComponent(eventId)}/retry`), {
          method: 'POST',
          headers: headers({ [OPERATOR_HEADER]: operator }),
          signal: AbortSignal.timeout(RETRY_TIMEOUT_MS),
        });
      } catch {
        return { kind: 'unreachable' };
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) return refusalOf(response, body);
      const accepted = retryAcceptedSchema.safeParse(body);
      return accepted.success ? { kind: 'retried', aggregateReset: accepted.data.aggregate_reset } : { kind: 'unexpected-answer' };
    },
  };
}
