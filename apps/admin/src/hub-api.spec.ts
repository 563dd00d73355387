import { describe, expect, it } from 'vitest';
import { createHubApi } from './hub-api';

type Call = { url: string; init: RequestInit | undefined };

const RUN_ID = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';
const REQUEST_ID = '0c4d2f7a-3e1b-4c5d-9a8f-6b7e1d2c3a40';

/** A fetch that records what it was asked and answers with `respond`. */
function recordingFetch(respond: (call: Call) => Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (input: string | URL | Request, init?: RequestInit) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { fetch: fake as typeof fetch, calls };
}

describe('createHubApi', () => {
  it('keeps a path prefix of the base URL and sends a request id the API can log', async () => {
    const { fetch, calls } = recordingFetch(async () => Response.json({ items: [] }));
    await createHubApi({ baseUrl: 'http://hub.internal/backend', fetch }).listWarehouses();
    expect(calls[0]?.url).toBe('http://hub.internal/backend/api/v1/warehouses');
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(headers).not.toHaveProperty('authorization');
  });

  it('treats a warehouse list of the wrong shape as unavailable', async () => {
    const { fetch } = recordingFetch(async () => Response.json([{ id: 1 }]));
    await expect(createHubApi({ baseUrl: 'http://hub.internal', fetch }).listWarehouses()).resolves.toEqual({ kind: 'unavailable' });
  });

  it('gives up on a warehouse list that does not come, so the page is not held up', async () => {
    const { fetch, calls } = recordingFetch(
      ({ init }) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    await expect(createHubApi({ baseUrl: 'http://hub.internal', fetch }).listWarehouses()).resolves.toEqual({ kind: 'unavailable' });
    // Its own timeout ended the wait (no clock read here: tests never assert timings).
    expect(calls[0]?.init?.signal?.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('calls a 2xx answer that is not JSON an unexpected answer, not a started run', async () => {
    const { fetch } = recordingFetch(async () => new Response('<html>proxy page</html>', { status: 200 }));
    await expect(createHubApi({ baseUrl: 'http://hub.internal', fetch }).triggerReplenishment(undefined, 'marina.k')).resolves.toEqual({
      kind: 'unexpected-answer',
    });
  });

  it.each([
    ['the real answer', { run_id: RUN_ID, request_id: REQUEST_ID, status: 'queued' }, { kind: 'started', runId: RUN_ID }],
    ['a status other than queued', { run_id: RUN_ID, request_id: REQUEST_ID, status: 'accepted' }, { kind: 'unexpected-answer' }],
    ['no request id', { run_id: RUN_ID, status: 'queued' }, { kind: 'unexpected-answer' }],
    ['a run id that is no UUID', { run_id: 'run-1', request_id: REQUEST_ID, status: 'queued' }, { kind: 'unexpected-answer' }],
  ])('reads a 202 trigger answer with %s', async (_case, body, outcome) => {
    const { fetch } = recordingFetch(async () => Response.json(body, { status: 202 }));
    await expect(createHubApi({ baseUrl: 'http://hub.internal', fetch }).triggerReplenishment(undefined, 'marina.k')).resolves.toEqual(outcome);
  });
});
