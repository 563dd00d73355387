import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from './testing/api-fixture';

const TOKEN = 'metrics-spec-token-2f7e91b0';
const API = 'http://localhost/api/v1';

/** One scrape of /metrics, as its lines. */
async function scrape(fx: ApiFixture, headers: Record<string, string> = {}): Promise<string[]> {
  const response = await fx.app.request('http://localhost/metrics', { headers });
  expect(response.status).toBe(200);
  return (await response.text()).trimEnd().split('\n');
}

const durationCount = (route: string, status: number) => `hub_http_request_duration_seconds_count{method="GET",route="${route}",status="${status}"} 1`;

describe('GET /metrics: the process and the requests it answered', () => {
  let fx: ApiFixture;
  let guarded: ApiFixture;

  beforeAll(async () => {
    const oneC = oneCClientFor(`http://127.0.0.1:${await findFreePort()}`);
    [fx, guarded] = await Promise.all([openApiFixture(oneC), openApiFixture(oneC, { apiToken: TOKEN })]);
  });
  afterAll(async () => {
    await Promise.all([fx?.close(), guarded?.close()]);
  });

  it("has the process's CPU and memory, GC durations and event-loop lag", async () => {
    const lines = await scrape(fx);
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE process_cpu_user_seconds_total counter',
        '# TYPE nodejs_gc_duration_seconds histogram',
        '# TYPE nodejs_eventloop_lag_seconds gauge',
        '# TYPE nodejs_heap_size_used_bytes gauge',
      ]),
    );
    const memory = lines.find((line) => line.startsWith('process_resident_memory_bytes '));
    expect(Number(memory?.split(' ')[1])).toBeGreaterThan(0);
  });

  it('times requests by route pattern and status, never by raw path', async () => {
    const unknownRun = randomUUID();
    const answers = await Promise.all([
      fx.app.request(`${API}/runs/${unknownRun}`),
      fx.app.request(`${API}/runs/42`),
      fx.app.request(`${API}/warehouses`),
      fx.app.request(`${API}/no-such-thing/${unknownRun}`),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 422, 200, 404]);

    const lines = await scrape(fx);
    expect(lines).toEqual(
      expect.arrayContaining([
        '# TYPE hub_http_request_duration_seconds histogram',
        durationCount('/api/v1/runs/{run_id}', 404),
        durationCount('/api/v1/runs/{run_id}', 422),
        durationCount('/api/v1/warehouses', 200),
        durationCount('unmatched', 404),
        'hub_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/warehouses",status="200"} 1',
      ]),
    );
    const text = lines.join('\n');
    expect(text).not.toContain(unknownRun);
    expect(text).not.toContain('/runs/42');
  });

  it('counts a request the token refused under the route it was for', async () => {
    expect((await guarded.app.request(`${API}/warehouses`)).status).toBe(401);
    expect(await scrape(guarded, { Authorization: `Bearer ${TOKEN}` })).toContain(durationCount('/api/v1/warehouses', 401));
  });
});
