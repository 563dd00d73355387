import { describe, expect, it } from 'vitest';
import { createHubApi } from './hub-api';

type Call = { url: string; init: RequestInit | undefined };

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
    await expect(createHubApi({ baseUrl: 'http://hub.internal', fetch }).triggerReplenishment(undefined)).resolves.toEqual({
      kind: 'unexpected-answer',
    });
  });
});
