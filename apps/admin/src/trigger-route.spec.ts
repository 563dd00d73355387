import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureStdout, useTestOrm } from '@hub/testing';
import { signedInAdmin, type SignedInAdmin } from './testing/admin-session';
import { followRedirect, postForm } from './testing/admin-forms';
import { malformedAnswer, queuedAnswer, startHubApiStandIn, STAND_IN_RUN_ID, unusedLocalUrl, type HubApiStandIn } from './testing/hub-api-stand-in';

const API_TOKEN = 'admin-to-api-secret-7f3a9c';

// Checked by `npx tsc`: the stand-in cannot give an answer the admin would refuse from the real API unless told it is malformed.
// @ts-expect-error the real API answers a queued run with status "queued", never "accepted"
const _acceptedIsNoAnswerOfTheApi: HubApiStandIn['triggerAnswer'] = {
  status: 202,
  body: { run_id: STAND_IN_RUN_ID, request_id: STAND_IN_RUN_ID, status: 'accepted' },
};
const WAREHOUSE_ID = '7d9f2a4e-1b3c-4d5e-8f60-718293a4b5c6';

/** Presses the button as a browser on the admin's own page would: a same-origin form post. */
function pressTrigger(app: SignedInAdmin, form: Record<string, string>, origin?: string) {
  return postForm(app, '/actions/trigger-replenishment', form, origin);
}

/** The new-run page a refused Start's 303 leads back to, with its flash. */
async function followBack(app: SignedInAdmin, response: Response): Promise<string> {
  const { location, page } = await followRedirect(app, response);
  expect(location).toMatch(/^\/runs\/new\?/);
  return page;
}

describe('the Start button of a new run', () => {
  const database = useTestOrm();
  let api: HubApiStandIn;
  const stdout = captureStdout('admin');
  const { logger } = stdout;

  beforeAll(async () => {
    api = await startHubApiStandIn([{ id: WAREHOUSE_ID, code: 'MSK-1', name: 'Moscow 1' }]);
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.triggerAnswer = queuedAnswer();
  });

  it("posts the chosen warehouse with the bearer token and the operator, then goes to the new run's page", async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const response = await pressTrigger(app, { warehouse_id: WAREHOUSE_ID });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/runs/${STAND_IN_RUN_ID}`);
    const trigger = api.requests.find((request) => request.method === 'POST');
    expect(trigger).toEqual({
      method: 'POST',
      path: '/api/v1/trigger/internal-replenishment',
      query: '',
      authorization: `Bearer ${API_TOKEN}`,
      operator: 'test-operator',
      body: { warehouse_id: WAREHOUSE_ID, trigger: 'admin' },
    });
    expect(await response.text()).not.toContain(API_TOKEN);
  });

  it('posts no warehouse and no Authorization header when no warehouse and no token are set', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, logger });
    expect((await pressTrigger(app, { warehouse_id: '' })).headers.get('location')).toBe(`/runs/${STAND_IN_RUN_ID}`);
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/trigger/internal-replenishment',
        query: '',
        authorization: undefined,
        operator: 'test-operator',
        body: { trigger: 'admin' },
      },
    ]);
  });

  it('names the run in progress when the API refuses with 409, linking to it', async () => {
    const running = '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    api.triggerAnswer = { status: 409, body: { error: { code: 'run_in_progress', message: 'busy', run_id: running } } };
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const page = await followBack(app, await pressTrigger(app, {}));
    expect(page).toContain(`The run was not started: run <a href="/runs/${running}"><code>${running}</code></a> is in progress`);
    expect(page).not.toContain('Internal replenishment started');
  });

  it('tells the operator when the API refuses, without starting anything', async () => {
    api.triggerAnswer = malformedAnswer(409, { error: 'a run is in progress' });
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const page = await followBack(app, await pressTrigger(app, {}));
    expect(page).toContain('The run was not started: a replenishment run is already in progress (the API answered HTTP 409).');
    expect(page).not.toContain('Internal replenishment started');
  });

  it.each([
    ['without a run id', malformedAnswer(200, { ok: true })],
    ['saying the run was "accepted", not queued', malformedAnswer(202, { run_id: STAND_IN_RUN_ID, request_id: STAND_IN_RUN_ID, status: 'accepted' })],
  ])('tells the operator when the API answers 2xx %s, starting nothing it could show', async (_case, answer) => {
    api.triggerAnswer = answer;
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, logger });
    const page = await followBack(app, await pressTrigger(app, {}));
    expect(page).toContain('The API accepted the request but did not return a run_id');
    expect(page).not.toContain('Internal replenishment started');
  });

  it('shows an error flash naming the API when it cannot be reached, and never the token', async () => {
    const downUrl = await unusedLocalUrl();
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: downUrl, apiToken: API_TOKEN, logger });
    const page = await followBack(app, await pressTrigger(app, {}));
    expect(page).toContain(`The run was not started: the API at <code>${downUrl}</code> could not be reached.`);
    expect(page).not.toContain(API_TOKEN);
    expect(stdout.text()).toContain('internal replenishment trigger failed');
    expect(stdout.text()).not.toContain(API_TOKEN);
  });

  it('refuses a post from another site (CSRF) without calling the API', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const response = await pressTrigger(app, {}, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('nothing was changed. Use the buttons on the admin’s pages. <a href="/">Back</a>');
    expect(api.requests).toEqual([]);
  });

  it('takes a post from ADMIN_PUBLIC_URL behind a TLS-terminating proxy (the admin itself sees http://localhost), and still no other', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger, publicOrigin: 'https://hub.example.ru' });
    expect((await pressTrigger(app, {}, 'https://hub.example.ru.evil.example')).status).toBe(403);
    expect((await pressTrigger(app, {}, 'http://hub.example.ru')).status).toBe(403);
    expect(api.requests).toEqual([]);
    const response = await pressTrigger(app, { warehouse_id: WAREHOUSE_ID }, 'https://hub.example.ru');
    expect(response.status).toBe(303);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('answers a malformed warehouse id with 422 and does not call the API', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const response = await pressTrigger(app, { warehouse_id: "1'; drop table warehouses" });
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('warehouse_id must be the UUID of a warehouse');
    expect(page).toContain('<a href="/runs/new">Back</a>');
    expect(api.requests).toEqual([]);
  });

  it('ignores a forged flash that is not well formed', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, logger });
    const page = await (await app.request('http://localhost/runs/new?trigger=busy&trigger_run_id=<b>hi</b>')).text();
    expect(page).not.toContain('The run was not started');
    expect(page).not.toContain('<b>hi</b>');
  });

  it('keeps the token out of every page the admin serves', async () => {
    const app = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, apiToken: API_TOKEN, logger });
    const paths = [
      '/logs',
      '/logs?period=7d',
      '/logs?run_id=bad',
      '/nowhere',
      '/health',
      '/runs/new?preview=1',
      `/runs/new?trigger=rejected&trigger_status=401`,
    ];
    for (const path of paths) expect(await (await app.request(`http://localhost${path}`)).text()).not.toContain(API_TOKEN);
    expect(stdout.text()).not.toContain(API_TOKEN);
  });
});
