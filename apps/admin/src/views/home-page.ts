import type { DeliveryHour, OutboxStats } from '@hub/outbox';
import type { RunDay, RunRecord, WarehouseSummary } from '@hub/replenishment';
import { html } from 'hono/html';
import { currentTimeZone } from '../admin-env';
import { currentMessages } from '../i18n/messages';
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

/** Home: the last runs, the outbox's health, runs over the last 14 days and deliveries per hour. */
export function renderHomePage(model: HomePageModel): Markup {
  const t = currentMessages();
  const zone = currentTimeZone();
  return renderLayout(
    t.home.title,
    html`<h2>${t.home.outbox}</h2>
${renderOutboxCounts(model.outbox)}
<div class="charts">
${renderBarChart({
  title: t.home.runDaysTitle(zone),
  labels: model.runDays.map((day) => day.day.slice(5)),
  labelEvery: 2,
  bars: model.runDays.map((day) => [{ value: day.unitsPlanned, className: 'series-units' }]),
  legend: [
    { label: t.home.unitsTransferred, className: 'series-units' },
    { label: t.home.meanDuration, className: 'series-duration' },
  ],
  line: { values: model.runDays.map((day) => day.averageDurationMs), className: 'series-duration', format: (ms) => t.app.seconds(Math.round(ms / 100) / 10) },
  description: model.runDays.map((day) => t.home.runDay(day.day, day.runs, day.unitsPlanned)).join('; '),
})}
${renderBarChart({
  title: t.home.deliveriesTitle(zone),
  labels: model.deliveryHours.map((hour) => formatTimeSecond(hour.hour).slice(11, 13)),
  labelEvery: 3,
  bars: model.deliveryHours.map((hour) => [
    { value: hour.delivered, className: 'series-delivered' },
    { value: hour.retried, className: 'series-retried' },
    { value: hour.dead, className: 'series-dead' },
  ]),
  legend: [
    { label: t.home.delivered, className: 'series-delivered' },
    { label: t.home.retried, className: 'series-retried' },
    { label: t.home.dead, className: 'series-dead' },
  ],
  description: model.deliveryHours
    .map((hour) => t.home.deliveryHour(formatTimeSecond(hour.hour).slice(0, 13), hour.delivered, hour.retried, hour.dead))
    .join('; '),
})}
</div>
<h2>${t.home.lastRuns}</h2>
${
  model.lastRuns.length === 0 ?
    renderNotice('info', t.runs.noneYet)
  : html`${renderRunsTable(model.lastRuns, model.warehouses)}<p><a href="/runs">${t.home.allRuns}</a></p>`
}`,
  );
}
