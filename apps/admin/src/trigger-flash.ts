import { z } from 'zod';
import type { TriggerOutcome } from './hub-api';
import type { StartRefusal } from './views/trigger-panel';

// The outcome of a trigger that started nothing travels in the redirect's query string
// (post/redirect/get) back to the new-run page, so a reload never posts again. Only kinds, a run id and a status travel — no
// text from the API — so a crafted link cannot put words on the page.
const flashSchema = z.discriminatedUnion('trigger', [
  z.object({ trigger: z.literal('busy'), trigger_run_id: z.uuid() }),
  z.object({ trigger: z.literal('rejected'), trigger_status: z.coerce.number().int().min(100).max(599) }),
  z.object({ trigger: z.literal('unexpected-answer') }),
  z.object({ trigger: z.literal('unreachable') }),
]);

/** Where the browser goes after pressing Start: the new run's page, or back to the new-run page saying why not. */
export function urlAfterTrigger(outcome: TriggerOutcome, warehouseId: string | undefined): string {
  if (outcome.kind === 'started') return `/runs/${outcome.runId}`;
  const params = new URLSearchParams({ ...(warehouseId ? { warehouse_id: warehouseId } : {}), trigger: outcome.kind });
  if (outcome.kind === 'busy') params.set('trigger_run_id', outcome.runId);
  if (outcome.kind === 'rejected') params.set('trigger_status', String(outcome.status));
  return `/runs/new?${params.toString()}`;
}

/** The flash in a query string, if a well-formed one is there; anything else is ignored. */
export function readTriggerFlash(params: Record<string, string | undefined>): StartRefusal | undefined {
  const parsed = flashSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const flash = parsed.data;
  switch (flash.trigger) {
    case 'busy':
      return { kind: 'busy', runId: flash.trigger_run_id };
    case 'rejected':
      return { kind: 'rejected', status: flash.trigger_status };
    default:
      return { kind: flash.trigger };
  }
}
