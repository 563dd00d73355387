import { html } from 'hono/html';
import { formatNumber } from './format';
import type { Markup } from './layout';

/*
 * Charts drawn on the server as SVG: no chart library, no script, nothing from a CDN. Colours
 * come from the stylesheet (classes), so the CSP needs no inline style. Each chart has a title
 * and a table-like <desc> for screen readers.
 */

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 48, bottom: 28, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** One stacked segment of a bar: its value and its CSS class (which gives its colour). */
export interface BarSegment {
  value: number;
  className: string;
}

export interface ChartSeriesLegend {
  label: string;
  className: string;
}

export interface BarChart {
  title: string;
  /** Under each bar; every `labelEvery`-th is drawn so they do not collide. */
  labels: string[];
  labelEvery: number;
  bars: BarSegment[][];
  legend: ChartSeriesLegend[];
  /** A line over the bars on its own right-hand scale (e.g. a duration), null where there is no value. */
  line?: { values: (number | null)[]; className: string; format: (value: number) => string };
  /** What the chart says in words. */
  description: string;
}

/** 0, and a round maximum at or above `max`, so the axis reads well. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= max) ?? 10;
  return step * magnitude;
}

const round = (value: number): number => Math.round(value * 10) / 10;

export function renderBarChart(chart: BarChart): Markup {
  const count = chart.bars.length;
  const totals = chart.bars.map((segments) => segments.reduce((sum, segment) => sum + segment.value, 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = PLOT_W / Math.max(1, count);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  const bars = chart.bars.map((segments, index) => {
    let base = 0;
    const x = round(PAD.left + index * slot + (slot - barWidth) / 2);
    return segments.map((segment) => {
      if (segment.value <= 0) return null;
      const top = y(base + segment.value);
      const height = y(base) - top;
      base += segment.value;
      return html`<rect class="${segment.className}" x="${x}" y="${round(top)}" width="${round(barWidth)}" height="${round(height)}"><title>${chart.labels[index]}: ${segment.value}</title></rect>`;
    });
  });
  const labels = chart.labels.map((label, index) =>
    index % chart.labelEvery === 0 || index === count - 1 ?
      html`<text class="axis" x="${round(PAD.left + index * slot + slot / 2)}" y="${HEIGHT - 8}" text-anchor="middle">${label}</text>`
    : null,
  );
  return html`<figure class="chart">
  <figcaption>${chart.title}</figcaption>
  <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${chart.title}">
    <desc>${chart.description}</desc>
    <line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(max)}" y2="${y(max)}" />
    <line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(max / 2)}" y2="${y(max / 2)}" />
    <line class="baseline" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(0)}" y2="${y(0)}" />
    <text class="axis" x="${PAD.left - 6}" y="${y(max) + 4}" text-anchor="end">${formatNumber(max)}</text>
    <text class="axis" x="${PAD.left - 6}" y="${y(max / 2) + 4}" text-anchor="end">${formatNumber(max / 2)}</text>
    <text class="axis" x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
    ${bars}
    ${labels}
    ${chart.line ? renderLine(chart.line, slot) : null}
  </svg>
  <ul class="legend">${chart.legend.map((item) => html`<li><span class="swatch ${item.className}"></span>${item.label}</li>`)}</ul>
</figure>`;
}

function renderLine(line: NonNullable<BarChart['line']>, slot: number): Markup {
  const present = line.values.filter((value): value is number => value !== null);
  const max = niceMax(Math.max(0, ...present));
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  const points = line.values
    .map((value, index) => (value === null ? null : `${round(PAD.left + index * slot + slot / 2)},${round(y(value))}`))
    .filter((point): point is string => point !== null);
  return html`<polyline class="${line.className}" points="${points.join(' ')}" />
    ${line.values.map((value, index) =>
      value === null ? null : (
        html`<circle class="${line.className}" cx="${round(PAD.left + index * slot + slot / 2)}" cy="${round(y(value))}" r="3"><title>${line.format(value)}</title></circle>`
      ),
    )}
    <text class="axis" x="${WIDTH - PAD.right + 6}" y="${y(max) + 4}">${line.format(max)}</text>
    <text class="axis" x="${WIDTH - PAD.right + 6}" y="${y(0) + 4}">0</text>`;
}
