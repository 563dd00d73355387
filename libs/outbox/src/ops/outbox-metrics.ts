import { OUTBOX_STATUSES } from '@hub/db';
import type { OutboxStats } from './outbox-stats';

/** The Content-Type of the Prometheus text exposition format this module writes. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

// Label values escape backslash, double quote and line feed; nothing else needs it.
const labelValue = (value: string): string => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const labels = (pairs: Record<string, string>): string =>
  `{${Object.entries(pairs).map(([name, value]) => `${name}="${labelValue(value)}"`).join(',')}}`;

/**
 * The outbox as Prometheus gauges: `hub_outbox_events{status,event_type}` for every
 * status × event type (zeros too, so an alert on dead events has a series from the
 * start) and `hub_outbox_oldest_pending_age_seconds{event_type}`, 0 when none is pending.
 */
export function formatOutboxMetrics(stats: OutboxStats): string {
  const lines = [
    '# HELP hub_outbox_events Outbox events by status and event type.',
    '# TYPE hub_outbox_events gauge',
    ...stats.byEventType.flatMap((type) =>
      OUTBOX_STATUSES.map((status) => `hub_outbox_events${labels({ status, event_type: type.eventType })} ${type.byStatus[status]}`),
    ),
    '# HELP hub_outbox_oldest_pending_age_seconds Seconds since the oldest pending outbox event of a type was written; 0 when none is pending.',
    '# TYPE hub_outbox_oldest_pending_age_seconds gauge',
    ...stats.byEventType.map(
      (type) => `hub_outbox_oldest_pending_age_seconds${labels({ event_type: type.eventType })} ${type.oldestPendingAgeSeconds ?? 0}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
