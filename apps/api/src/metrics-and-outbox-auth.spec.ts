import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { eventNamesOf } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const TOKEN = 'metrics-test-token-8c41e2d7';
// Prometheus text format 0.0.4: comments, or `name{label="value",…} number`.
const SAMPLE = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*\})? -?[0-9.e+-]+$/;

describe('GET /metrics and the outbox endpoints behind API_TOKEN', () => {
  let open: ApiFixture;
  let guarded: ApiFixture;
  let deadId: string;

  beforeAll(async () => {
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    [open, guarded] = await Promise.all([openApiFixture(oneC), openApiFixture(oneC, { apiToken: TOKEN })]);
    await seedOutboxEvent(open.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: "created_at = now() - interval '2 minutes'" });
    await seedOutboxEvent(open.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT });
    await seedOutboxEvent(open.sessions, { ...eventNamesOf(EXTERNAL_ORDER), set: "status = 'delivered', delivered_at = now()" });
    deadId = await seedOutboxEvent(guarded.sessions, { ...eventNamesOf(TRANSFER_ORDER), set: DEAD_EVENT });
  });
  afterAll(async () => {
    await Promise.all([open?.close(), guarded?.close()]);
  });

  it('serves the outbox gauges in the Prometheus text format', async () => {
    const response = await open.app.request('http://localhost/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\n');
    for (const line of lines) expect(line.startsWith('# HELP ') || line.startsWith('# TYPE ') || SAMPLE.test(line), line).toBe(true);
    expect(lines).toEqual(
      expect.arrayContaining([
        'hub_outbox_events{status="pending",event_type="CREATE_1C_TRANSFER_ORDER"} 1',
        'hub_outbox_events{status="dead",event_type="CREATE_1C_TRANSFER_ORDER"} 1',
        'hub_outbox_events{status="delivered",event_type="CREATE_MS_CUSTOMER_ORDER"} 1',
        'hub_outbox_events{status="pending",event_type="CREATE_MS_CUSTOMER_ORDER"} 0',
        'hub_outbox_oldest_pending_age_seconds{event_type="CREATE_MS_CUSTOMER_ORDER"} 0',
      ]),
    );
    const age = lines.find((line) => line.startsWith('hub_outbox_oldest_pending_age_seconds{event_type="CREATE_1C_TRANSFER_ORDER"}'));
    expect(Number(age?.split(' ')[1])).toBeGreaterThanOrEqual(120);
  });

  it.each([
    ['GET', '/metrics'],
    ['GET', '/api/v1/outbox'],
    ['GET', '/api/v1/outbox/stats'],
  ])('answers 401 JSON for %s %s without the token', async (method, path) => {
    const response = await guarded.app.request(`http://localhost${path}`, { method });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('refuses a retry without the token, leaving the event dead, and lets the token through', async () => {
    const refused = await guarded.app.request(`http://localhost/api/v1/outbox/${deadId}/retry`, {
      method: 'POST',
      headers: { Authorization: 'Bearer wrong-token' },
    });
    expect(refused.status).toBe(401);
    expect(await guarded.query('select status from outbox_events where id = ?', [deadId])).toEqual([{ status: 'dead' }]);

    const authorized = { headers: { Authorization: `Bearer ${TOKEN}` } };
    expect((await guarded.app.request('http://localhost/metrics', authorized)).status).toBe(200);
    const retried = await guarded.app.request(`http://localhost/api/v1/outbox/${deadId}/retry`, { method: 'POST', ...authorized });
    expect(retried.status).toBe(200);
  });
});
