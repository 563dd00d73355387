import { html } from 'hono/html';
import type { TriggerOutcome } from '../hub-api';
import { renderNotice, type Markup } from './layout';

/** A Start that started nothing: what the new-run page says after the redirect back. */
export type StartRefusal = Exclude<TriggerOutcome, { kind: 'started' }>;

/** Why the last Start started nothing, told after the redirect back to the new-run page. */
export function renderTriggerFlash(outcome: StartRefusal, apiOrigin: string): Markup {
  switch (outcome.kind) {
    case 'busy':
      return renderNotice(
        'error',
        html`The run was not started: run <a href="/runs/${outcome.runId}"><code>${outcome.runId}</code></a> is in progress
          for the same warehouses. Start again once it has finished.`,
      );
    case 'rejected':
      return renderNotice('error', html`The run was not started: ${rejectionReason(outcome.status)} (the API answered HTTP ${outcome.status}).`);
    case 'unexpected-answer':
      return renderNotice('error', 'The API accepted the request but did not return a run_id; check the API’s logs before starting another run.');
    case 'unreachable':
      return renderNotice('error', html`The run was not started: the API at <code>${apiOrigin}</code> could not be reached.`);
  }
}

function rejectionReason(status: number): string {
  if (status === 401 || status === 403) return 'the API refused the admin’s credentials — check API_TOKEN';
  if (status === 409) return 'a replenishment run is already in progress';
  if (status === 422 || status === 400) return 'the API rejected the request as invalid';
  if (status >= 500) return 'the API failed while accepting it';
  return 'the API refused it';
}
