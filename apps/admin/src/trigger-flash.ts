import { z } from 'zod';
import type { TriggerOutcome } from './hub-api';

// The outcome of a trigger travels in the redirect's query string (post/redirect/get), so a
// reload of the logs page never posts again. Only kinds, a run id and a status travel — no
// text from the API — so a crafted link cannot put words on the page.
const flashSchema = z.discriminatedUnion('trigger', [
  z.object({ trigger: z.literal('started'), trigger_run_id: z.uuid() }),
  z.object({ trigger: z.literal('busy'), trigger_run_id: z.uuid() }),
  z.object({ trigger: z.literal('rejected'), trigger_status: z.coerce.number().int().min(100).max(599) }),
  z.object({ trigger: z.literal('unexpected-answer') }),
  z.object({ trigger: z.literal('unreachable') }),
]);

/** The `/logs` address that shows `outcome` as a flash message. */
export function logsUrlWithFlash(outcome: TriggerOutcome): string {
  const params = new URLSearchParams({ trigger: outcome.kind });
  if (outcome.kind === 'started' || outcome.kind === 'busy') params.set('trigger_run_id', outcome.runId);
  if (outcome.kind === 'rejected') params.set('trigger_status', String(outcome.status));
  return `/logs?${params.toString()}`;
}

/** The flash in a query string, if a well-formed one is there; anything else is ignored. */
export function readTriggerFlash(params: Record<string, string | undefined>): TriggerOutcome | undefined {
  const parsed = flashSchema.safeParse(params);
  if (!parsed.success) return undefined;
  const flash = parsed.data;
  switch (flash.trigger) {
    case 'started':
    case 'busy':
      return { kind: flash.trigger, runId: flash.trigger_run_id };
    case 'rejected':
      return { kind: 'rejected', status: flash.trigger_status };
    default:
      return { kind: flash.trigger };
  }
}
