import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionFactory } from '@hub/db';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import { captureStdout, useTestOrm } from '@hub/testing';
import { signedInAdmin, type SignedInAdmin } from '../testing/admin-session';
import { followRedirect, postForm } from '../testing/admin-forms';
import { malformedAnswer, retriedAnswer, startHubApiStandIn, unusedLocalUrl, type HubApiStandIn } from '../testing/hub-api-stand-in';

const API_TOKEN = 'admin-to-api-secret-5e8d1b';

/** Presses Retry as a browser on the admin's own page would: a same-origin form post. */
function pressRetry(app: SignedInAdmin, eventId: string, form: Record<string, string> = {}, origin?: string) {
  return postForm(app, `/outbox/${eventId}/retry`, form, origin);
}

describe('the Retry button on the outbox page', () => {
  const database = useTestOrm();
  let sessions: SessionFactory;
  let api: HubApiStandIn;
  let deadId: string;
  const stdout = captureStdout('admin');
  const { logger } = stdout;

  beforeAll(async () => {
    sessions = database.sessions;
    api = await startHubApiStandIn([]);
    deadId = await seedOutboxEvent(sessions, { set: DEAD_EVENT });
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.retryAnswer = retriedAnswer(deadId);
  });

  it('asks the API with the bearer token, returns to the same filters and says the event is pending again', async () => {
    const app = await signedInAdmin({ sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    api.retryAnswer = retriedAnswer(deadId, true);

    const { location, page, setCookie } = await followRedirect(app, await pressRetry(app, deadId, { status: 'dead', event_type: '' }));

    expect(api.requests).toEqual([
      { method: 'POST', path: `/api/v1/outbox/${deadId}/retry`, query: '', authorization: `Bearer ${API_TOKEN}`, operator: 'test-operator', body: undefined },
    ]);
    expect(location).toBe('/outbox?status=dead');
    expect(page).toContain(
      `Event <code>${deadId}</code> is pending again; the scheduler delivers it on its next pass. Its order went from failed back to pending.`,
    );
    // Shown once: the page deletes the flash as it shows it.
    expect(setCookie).toMatch(/^outbox_retry_flash=; Max-Age=0/);
    expect(page).not.toContain(API_TOKEN);
  });

  it("shows the API's own message, escaped, when it refuses", async () => {
    const message = `Outbox event ${deadId} is <delivered>, not dead: only dead events can be retried by hand`;
    api.retryAnswer = { status: 409, body: { error: { code: 'event_not_dead', message, field: 'id' } } };
    const app = await signedInAdmin({ sessions, apiBaseUrl: api.url, logger });

    const { page } = await followRedirect(app, await pressRetry(app, deadId));

    expect(page).toContain(
      `Event <code>${deadId}</code> was not retried: Outbox event ${deadId} is &lt;delivered&gt;, not dead: only dead events can be retried by hand (the API answered HTTP 409).`,
    );
    expect(page).not.toContain('is pending again');
  });

  it.each<[string, HubApiStandIn['retryAnswer'], string]>([
    [
      'refused credentials',
      { status: 401, body: { error: { code: 'unauthorized', message: 'This endpoint needs Authorization: Bearer <API_TOKEN>.' } } },
      'was not retried: This endpoint needs Authorization: Bearer &lt;API_TOKEN&gt;. — check API_TOKEN (the API answered HTTP 401).',
    ],
    ['an error without a JSON body', malformedAnswer(502, 'Bad gateway'), 'was not retried: the API refused it (the API answered HTTP 502).'],
    ['a 200 it cannot read', malformedAnswer(200, { ok: true }), 'The API accepted the retry of'],
  ])('tells the operator about %s', async (_case, answer, expected) => {
    api.retryAnswer = answer;
    const app = await signedInAdmin({ sessions, apiBaseUrl: api.url, logger });
    const { page } = await followRedirect(app, await pressRetry(app, deadId));
    expect(page).toContain(expected);
  });

  it('names the API when it cannot be reached, never the token', async () => {
    const downUrl = await unusedLocalUrl();
    const app = await signedInAdmin({ sessions, apiBaseUrl: downUrl, apiToken: API_TOKEN, logger });
    const { page } = await followRedirect(app, await pressRetry(app, deadId));
    expect(page).toContain(`Event <code>${deadId}</code> was not retried: the API at <code>${downUrl}</code> could not be reached.`);
    expect(page).not.toContain(API_TOKEN);
    expect(stdout.text()).toContain('outbox event retry failed');
    expect(stdout.text()).not.toContain(API_TOKEN);
  });

  it('refuses a post from another site (CSRF) and a malformed id without calling the API', async () => {
    const app = await signedInAdmin({ sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    expect((await pressRetry(app, deadId, {}, 'https://evil.example')).status).toBe(403);
    const malformed = await pressRetry(app, 'not-a-uuid');
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain('Nothing was retried: the event id must be a UUID.');
    expect(api.requests).toEqual([]);
  });

  it('ignores a flash cookie it did not write', async () => {
    const app = await signedInAdmin({ sessions, apiBaseUrl: api.url, logger });
    const forged = Buffer.from(JSON.stringify({ eventId: deadId, outcome: { kind: 'refused', status: 409, message: 'x'.repeat(600) } })).toString('base64url');
    for (const cookie of ['outbox_retry_flash=%%%', `outbox_retry_flash=${forged}`]) {
      const page = await (await app.request('http://localhost/outbox', { headers: { cookie } })).text();
      expect(page).not.toContain('was not retried');
    }
  });
});
