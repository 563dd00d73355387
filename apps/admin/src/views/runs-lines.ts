import type { LineExplanation } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentMessages, type Messages } from '../i18n/messages';
import type { Markup } from './layout';

/** The explanation's columns, in the order the planner computes them, so an operator reads a line left to right; their headings and rules (the tooltips) are in the catalogue. */
const COLUMNS: readonly { key: keyof LineExplanation & keyof Messages['orders']['columns']; fraction?: boolean }[] = [
  { key: 'onHand' },
  { key: 'reserved' },
  { key: 'inbound' },
  { key: 'position' },
  { key: 'min' },
  { key: 'max' },
  { key: 'multiple' },
  { key: 'need' },
  { key: 'donorSurplus' },
  { key: 'totalNeed' },
  { key: 'totalSurplus' },
  // Shares are fractions; the rest are whole units.
  { key: 'fairShare', fraction: true },
  { key: 'fairQuota' },
  { key: 'covered' },
  { key: 'share', fraction: true },
];

/* Explanations are stored JSON: a line written before a key existed simply lacks it. */
function formatValue(value: unknown, fraction: boolean | undefined): string {
  if (typeof value !== 'number') return '';
  return fraction ? String(Number(value.toFixed(4))) : String(value);
}

/** A line as a run records it or a dry run plans it: the explanation is stored JSON, read as it is. */
export interface LineToExplain {
  product: { sku: string; name: string };
  quantity: number;
  explanation: Partial<LineExplanation> | Record<string, number>;
}

/** An order's lines: product, quantity and every number that produced the quantity. */
export function renderExplainedLines(lines: readonly LineToExplain[]): Markup {
  const t = currentMessages().orders;
  if (lines.length === 0) return html`<p class="hint">${t.noLines}</p>`;
  const heading = (column: (typeof COLUMNS)[number]): { title: string; rule?: string } => t.columns[column.key];
  return html`<div class="table-wrap">
  <table class="lines">
    <thead>
      <tr>
        <th>${t.sku}</th><th>${t.product}</th><th>${t.quantity}</th>
        ${COLUMNS.map((column) => {
          const { title, rule } = heading(column);
          return rule ? html`<th title="${rule}">${title}</th>` : html`<th>${title}</th>`;
        })}
      </tr>
    </thead>
    <tbody>
      ${lines.map(
        (line) => html`<tr>
        <td class="id">${line.product.sku}</td>
        <td>${line.product.name}</td>
        <td class="number"><strong>${line.quantity}</strong></td>
        ${COLUMNS.map((column) => html`<td class="number">${formatValue((line.explanation as Partial<LineExplanation>)[column.key], column.fraction)}</td>`)}
      </tr>`,
      )}
    </tbody>
  </table>
</div>`;
}
