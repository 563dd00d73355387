import { html } from 'hono/html';
import type { TriggerOutcome } from '../hub-api';
import { currentMessages } from '../i18n/messages';
import { renderNotice, type Markup } from './layout';

/** A Start that started nothing: what the new-run page says after the redirect back. */
export type StartRefusal = Exclude<TriggerOutcome, { kind: 'started' }>;

/** Why the last Start started nothing, told after the redirect back to the new-run page. */
export function renderTriggerFlash(outcome: StartRefusal, apiOrigin: string): Markup {
  const t = currentMessages().newRun;
  switch (outcome.kind) {
    case 'busy':
      return renderNotice('error', t.busy(html`<a href="/runs/${outcome.runId}"><code>${outcome.runId}</code></a>`));
    case 'rejected':
      return renderNotice('error', t.rejected(outcome.status));
    case 'unexpected-answer':
      return renderNotice('error', t.unexpectedAnswer);
    case 'unreachable':
      return renderNotice('error', t.unreachable(html`<code>${apiOrigin}</code>`));
  }
}
