import type { DeliveryHour, OutboxStats } from '@hub/outbox';
import type { RunDay, RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { renderBarChart } from './charts';
import { formatTimeSecond } from './format';
import { renderLayout, renderNotice, type Markup } from './layout';
import { renderOutboxCounts } from './outbox-summary';
import { renderRunsTable } from './runs-table';

/** Everything the home page shows. */
export interface HomePageModel {
  lastRuns: RunRecord[];
  warehouses: ReadonlyMap<string, WarehouseSummary>;
  outbox: OutboxStats;
  runDays: RunDay[];
  deliveryHours: DeliveryHour[];
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Home: the last runs, the outbox's health, runs over the last 14 days and deliveries per hour. */
export function renderHomePage(model: HomePageModel): Markup {
  return renderLayout(
    'Home',
    html`<h2>Outbox</h2>
${renderOutboxCounts(model.outbox)}
<div class="charts">
${renderBarChart({
  title: `Runs, last 14 days (days in ${currentTimeZone()}): units transferred, and mean duration`,
  labels: model.runDays.map((day) => day.day.slice(5)),
  labelEvery: 2,
  bars: model.runDays.map((day) => [{ value: day.unitsPlanned, className: 'series-units' }]),
  legend: [{ label: 'Units transferred', className: 'series-units' }, { label: 'Mean duration', className: 'series-duration' }],
  line: { values: model.runDays.map((day) => day.averageDurationMs), className: 'series-duration', format: seconds },
  description: model.runDays.map((day) => `${day.day}: ${day.runs} runs, ${day.unitsPlanned} units`).join('; '),
})}
${renderBarChart({
  title: `Deliveries per hour, last 24 hours (${currentTimeZone()}), by result`,
  labels: model.deliveryHours.map((hour) => formatTimeSecond(hour.hour).slice(11, 13)),
  labelEvery: 3,
  bars: model.deliveryHours.map((hour) => [
    { value: hour.delivered, className: 'series-delivered' },
    { value: hour.retried, className: 'series-retried' },
    { value: hour.dead, className: 'series-dead' },
  ]),
  legend: [
    { label: 'Delivered', className: 'series-delivered' },
    { label: 'Failed, retried later', className: 'series-retried' },
    { label: 'Dead', className: 'series-dead' },
  ],
  description: model.deliveryHours.map((hour) => `${formatTimeSecond(hour.hour).slice(0, 13)}h: ${hour.delivered} delivered, ${hour.retried} retried, ${hour.dead} dead`).join('; '),
})}
</div>
<h2>Last runs</h2>
${model.lastRuns.length === 0
  ? renderNotice('info', 'No replenishment run has been started yet: start one from “New run”, the API or the schedule.')
  : html`${renderRunsTable(model.lastRuns, model.warehouses)}<p><a href="/runs">All runs →</a></p>`}`,
  );
}
