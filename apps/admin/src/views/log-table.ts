import type { StoredLogRow } from '@hub/logging';
import { html } from 'hono/html';
import { compactJson, formatUtc, levelClass } from './format';
import type { Markup } from './layout';

/** The log rows as a table, newest first, in the order the query returned them. */
export function renderLogTable(rows: StoredLogRow[]): Markup {
  return html`<div class="table-wrap">
  <table>
    <thead>
      <tr>
        <th>Created at (UTC)</th><th>Level</th><th>Source</th><th>Message</th><th>Run ID</th><th>Request ID</th>
        <th>Job ID</th><th>Job name</th><th>Step</th><th>Status</th><th>External system</th><th>Elapsed, ms</th>
        <th>Payload</th><th>Details</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(renderLogRow)}
    </tbody>
  </table>
</div>`;
}

function renderLogRow(row: StoredLogRow): Markup {
  return html`<tr>
        <td class="time">${formatUtc(row.createdAt)}</td>
        <td><span class="level ${levelClass(row.level)}">${row.level}</span></td>
        <td>${row.source}</td>
        <td class="message">${row.message}</td>
        <td class="id">${row.runId ? html`<a href="/runs/${row.runId}">${row.runId}</a>` : null}</td>
        <td class="id">${row.requestId}</td>
        <td class="id">${row.jobId}</td>
        <td>${row.jobName}</td>
        <td>${row.step}</td>
        <td>${row.status}</td>
        <td>${row.externalSystem}</td>
        <td class="number">${row.elapsedMs}</td>
        <td>${renderJson('payload', row.payload)}</td>
        <td>${renderJson('details', row.details)}</td>
      </tr>`;
}

// SQL NULL and JSON null both mean "nothing to show": an empty cell, not a toggle.
function renderJson(label: string, value: unknown): Markup | null {
  if (value === null || value === undefined) return null;
  return html`<details><summary>${label}</summary><pre>${compactJson(value)}</pre></details>`;
}
