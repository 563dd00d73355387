import { describe, expect, it } from 'vitest';
import { ConfigError } from '@hub/runtime';
import { waitFor } from '@hub/testing';
import { readSchedulerConfig } from './config';
import { useReplicaEnv } from './testing/replica-env';

/** Ticks every 100 ms while each delivery takes a second: the ticks in between are skipped. */
const REPLICA = { OUTBOX_INTERVAL_MS: '100', OUTBOX_BATCH_SIZE: '4', OUTBOX_CONCURRENCY: '2', OUTBOX_DELIVERY_TIMEOUT_MS: '10000', OUTBOX_LEASE_MS: '30000' };
const SLOW_ONE_C = { latencyMs: 1000, ratePercent: 100, path: '/transfer-orders' };
const OUTBOX_JOB = 'process_outbox_events_job';

/** A sample's value in a scrape, or undefined when the scrape has no such series. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the scheduler on SCHEDULER_METRICS_PORT (a real process)', () => {
  const env = useReplicaEnv('hub_test_scheduler_metrics');

  it('serves job durations, skipped ticks and deliveries by result beside the process metrics', async () => {
    await env.sandbox.injectFault(SLOW_ONE_C);
    const replica = await env.startReplica({ ...REPLICA, SCHEDULER_METRICS_PORT: '0', SCHEDULER_METRICS_HOST: '127.0.0.1' });
    expect(replica.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const metricsUrl = replica.metricsUrl ?? '';
    const orders = await env.enqueueTransferOrders(2);
    await env.waitUntilDelivered(orders.map((order) => order.eventId));

    const delivered = `hub_outbox_deliveries_total{event_type="CREATE_1C_TRANSFER_ORDER",result="delivered"}`;
    const ticks = `hub_scheduler_job_duration_seconds_count{job="${OUTBOX_JOB}",status="completed"}`;
    // The tick that delivered them is measured when it ends, just after the rows say delivered.
    const text = await waitFor(
      async () => {
        const scraped = await (await fetch(metricsUrl)).text();
        return sample(scraped, delivered) === 2 && (sample(scraped, ticks) ?? 0) >= 1 ? scraped : undefined;
      },
      20_000,
      async () => `the scheduler's metrics never counted 2 deliveries and a finished tick:\n${await (await fetch(metricsUrl)).text()}`,
    );
    expect(sample(text, `hub_scheduler_ticks_skipped_total{job="${OUTBOX_JOB}"}`)).toBeGreaterThan(0);
    expect(sample(text, `hub_outbox_deliveries_total{event_type="CREATE_1C_TRANSFER_ORDER",result="retried"}`)).toBe(0);
    // The daily log cleanup has not run: its counter is there from 0.
    expect(sample(text, 'hub_log_cleanup_rows_removed_total')).toBe(0);
    expect(sample(text, `hub_outbox_deliveries_total{event_type="CREATE_MS_CUSTOMER_ORDER",result="dead"}`)).toBe(0);
    expect(sample(text, `hub_scheduler_job_duration_seconds_bucket{le="900",job="${OUTBOX_JOB}",status="completed"}`)).toBe(sample(text, ticks));
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect((await fetch(metricsUrl.replace(/\/metrics$/, '/health'))).status).toBe(404);
  });

  it('opens no listener when SCHEDULER_METRICS_PORT is unset, and refuses one that is no port', async () => {
    const replica = await env.startReplica(REPLICA);
    expect(replica.metricsUrl).toBeNull();
    expect(readSchedulerConfig({}).metrics).toBeNull();
    expect(readSchedulerConfig({ SCHEDULER_METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    const read = () => readSchedulerConfig({ SCHEDULER_METRICS_PORT: 'prometheus' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('SCHEDULER_METRICS_PORT must be a TCP port number');
  });
});
