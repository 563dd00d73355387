import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TRIGGER_BODY_BYTES } from '@hub/api-contract';
import { findFreePort, oneCClientFor } from '@hub/testing';
import { openApiFixture, type ApiFixture } from '../testing/api-fixture';

/*
 * Regression the hostile-input fuzzer (resilience/hostile-input.resilience.ts) found: only the
 * trigger limited its body; every other route (and an unknown path) took a body of any size.
 */
describe('the API limits every request body', () => {
  let fx: ApiFixture;
  const TOKEN = 'body-limit-token';
  beforeAll(async () => {
    fx = await openApiFixture(oneCClientFor(`http://127.0.0.1:${await findFreePort()}`), { apiToken: TOKEN });
  });
  afterAll(async () => {
    await fx?.close();
  });
  const oversized = 'x'.repeat(MAX_TRIGGER_BODY_BYTES + 1);

  it.each(['/api/v1/outbox/00000000-0000-4000-8000-000000000000/retry', '/api/v1/trigger/internal-replenishment', '/health', '/no-such-endpoint'])(
    'POST %s with a body over the limit is a 413 payload_too_large, before the token is even checked',
    async (path) => {
      const response = await fx.app.request(`http://localhost${path}`, { method: 'POST', body: oversized });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large', field: 'body' } });
    },
  );

  it('still reads a body at the limit', async () => {
    const body = '{}'.padEnd(MAX_TRIGGER_BODY_BYTES, ' ');
    const response = await fx.app.request('http://localhost/api/v1/outbox/00000000-0000-4000-8000-000000000000/retry', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(404);
  });
});
