import type { LineExplanation } from '@hub/replenishment';
import { html } from 'hono/html';
import type { Markup } from './layout';

/** A column of the explanation: its key, its heading, and the rule that makes it (the heading's tooltip). */
interface ExplanationColumn {
  key: keyof LineExplanation;
  title: string;
  rule?: string;
  /** Shares are fractions; the rest are whole units. */
  fraction?: boolean;
}

/* In the order the planner computes them, so an operator reads a line left to right. */
const COLUMNS: readonly ExplanationColumn[] = [
  { key: 'onHand', title: 'On hand' },
  { key: 'reserved', title: 'Reserved' },
  { key: 'inbound', title: 'Inbound', rule: 'open transfers and outside orders on their way to the target' },
  { key: 'position', title: 'Position', rule: 'on hand − reserved + inbound' },
  { key: 'min', title: 'Min' },
  { key: 'max', title: 'Max' },
  { key: 'multiple', title: 'Multiple' },
  { key: 'need', title: 'Need', rule: 'max − position, rounded up to the multiple' },
  { key: 'donorSurplus', title: 'Donor surplus', rule: 'donor on hand − reserved − open outbound − its min' },
  { key: 'totalNeed', title: 'Total need', rule: 'need summed over every target of the product' },
  { key: 'totalSurplus', title: 'Total surplus', rule: 'every donor’s surplus, in whole packs' },
  { key: 'fairShare', title: 'Fair share', rule: 'min(1, total surplus / total need)', fraction: true },
  { key: 'fairQuota', title: 'Fair quota', rule: 'need × fair share, rounded down to the multiple' },
  { key: 'covered', title: 'Covered', rule: 'what all donors send this target of the product' },
  { key: 'share', title: 'Share', rule: 'covered / need', fraction: true },
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
  if (lines.length === 0) return html`<p class="hint">This order has no lines.</p>`;
  return html`<div class="table-wrap">
  <table class="lines">
    <thead>
      <tr>
        <th>SKU</th><th>Product</th><th>Quantity</th>
        ${COLUMNS.map((column) => (column.rule ? html`<th title="${column.rule}">${column.title}</th>` : html`<th>${column.title}</th>`))}
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
