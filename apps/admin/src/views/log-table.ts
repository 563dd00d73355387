import type { StoredLogRow } from '@hub/logging';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { currentMessages } from '../i18n/messages';
import { formatNumber, formatTime, levelClass, prettyJson } from './format';
import type { Markup } from './layout';

/** An id shown short (its first 8 characters), with its whole value a click from the clipboard. */
export function renderCopyableId(id: string, href?: string): Markup {
  const t = currentMessages();
  const short = id.length > 8 ? `${id.slice(0, 8)}…` : id;
  return html`<span class="id" title="${id}">${href ? html`<a href="${href}">${short}</a>` : short}</span><button type="button" class="copy" data-copy="${id}" title="${t.app.copyTitle(id)}" aria-label="${t.app.copyTitle(id)}">${t.app.copy}</button>`;
}

/** The log rows as a table, newest first; a row's message opens its ids, payload and details. */
export function renderLogTable(rows: StoredLogRow[]): Markup {
  const { columns } = currentMessages().logs;
  return html`<div class="table-wrap">
  <table class="logs">
    <thead>
      <tr>
        <th>${columns.time(currentTimeZone())}</th><th>${columns.level}</th><th>${columns.message}</th><th>${columns.jobStep}</th><th>${columns.status}</th><th>${columns.system}</th><th>${columns.run}</th><th>${columns.ms}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(renderLogRow)}
    </tbody>
  </table>
</div>`;
}

function renderLogRow(row: StoredLogRow): Markup {
  const jobAndStep = [row.jobName, row.step].filter((part) => part !== null && part !== '').join(' · ');
  return html`<tr id="log-${row.id}">
        <td class="time">${formatTime(row.createdAt)}</td>
        <td><span class="level ${levelClass(row.level)}">${row.level}</span></td>
        <td class="message">
          <details class="log-row">
            <summary>${row.message}</summary>
            ${renderRowDetails(row)}
          </details>
        </td>
        <td>${jobAndStep}</td>
        <td>${row.status}</td>
        <td>${row.externalSystem}</td>
        <td>${row.runId ? renderCopyableId(row.runId, `/runs/${row.runId}`) : null}</td>
        <td class="number">${formatNumber(row.elapsedMs)}</td>
      </tr>`;
}

/** Everything about one row: its ids (copyable; the run's linked), its source, and the JSON columns formatted. */
function renderRowDetails(row: StoredLogRow): Markup {
  const t = currentMessages();
  const ids: [string, string | null, string | undefined][] = [
    [t.logs.row, row.id, undefined],
    [t.logs.runId, row.runId, row.runId ? `/runs/${row.runId}` : undefined],
    [t.logs.requestId, row.requestId, undefined],
    [t.logs.jobId, row.jobId, undefined],
  ];
  return html`<dl class="facts">
              ${ids.map(([label, id, href]) => (id === null ? null : html`<dt>${label}</dt><dd><code>${href ? html`<a href="${href}">${id}</a>` : id}</code><button type="button" class="copy" data-copy="${id}" aria-label="${t.app.copyTitle(id)}">${t.app.copy}</button></dd>`))}
              ${row.source === null ? null : html`<dt>${t.logs.source}</dt><dd>${row.source}</dd>`}
            </dl>
            ${renderJson(t.logs.payload, row.payload)}
            ${renderJson(t.logs.details, row.details)}`;
}

// SQL NULL and JSON null both mean "nothing to show".
function renderJson(label: string, value: unknown): Markup | null {
  if (value === null || value === undefined) return null;
  return html`<h4>${label}</h4><pre class="json">${prettyJson(value)}</pre>`;
}
