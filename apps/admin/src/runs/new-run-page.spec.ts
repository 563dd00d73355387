import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStdoutLogger } from '@hub/logging';
import { useTestOrm } from '@hub/testing';
import { followRedirect, postForm } from '../testing/admin-forms';
import { signedInAdmin } from '../testing/admin-session';
import { malformedAnswer, PLANNED_PREVIEW, startHubApiStandIn, STAND_IN_RUN_ID, unusedLocalUrl, type HubApiStandIn } from '../testing/hub-api-stand-in';

const silent = createStdoutLogger('admin-test', 'silent');
const MSK = '7d9f2a4e-1b3c-4d5e-8f60-718293a4b5c6';

describe('a new run: choose, preview, start', () => {
  const database = useTestOrm();
  let api: HubApiStandIn;
  const open = async (role: 'operator' | 'viewer' = 'operator', apiBaseUrl = api.url) =>
    signedInAdmin({ sessions: database.sessions, apiBaseUrl, logger: silent }, role);
  const text = async (admin: Awaited<ReturnType<typeof open>>, path: string) => {
    const response = await admin.request(`http://localhost${path}`);
    return { status: response.status, body: await response.text() };
  };

  beforeAll(async () => {
    api = await startHubApiStandIn([{ id: MSK, code: 'MSK-1', name: 'Moscow <central>' }]);
  });
  afterAll(async () => {
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.previewAnswer = { status: 200, body: PLANNED_PREVIEW };
  });

  it('offers every warehouse from the API, escaped, or all of them, and asks for nothing else before Preview', async () => {
    const { status, body } = await text(await open(), '/runs/new');
    expect(status).toBe(200);
    expect(body).toContain(`<option value="${MSK}" >MSK-1 — Moscow &lt;central&gt;</option>`);
    expect(body).toContain('<option value="">All warehouses with rules</option>');
    expect(body).toContain('<button type="submit">Preview</button>');
    expect(body).toContain('<a href="/runs/new" aria-current="page">New run</a>');
    expect(api.requests.map((request) => request.path)).toEqual(['/api/v1/warehouses']);
  });

  it("previews the chosen warehouse with the API's dry run: counts, every line explained, and Start with the same warehouse", async () => {
    const { body } = await text(await open(), `/runs/new?preview=1&warehouse_id=${MSK}`);
    expect(api.requests.find((request) => request.method === 'POST')).toMatchObject({
      path: '/api/v1/trigger/internal-replenishment',
      query: `dry_run=true&warehouse_id=${MSK}`,
    });
    expect(body).toContain(`<option value="${MSK}" selected>`);
    expect(body).toContain('<strong>66</strong> Units transferred');
    expect(body).toContain('<strong>12</strong> Units ordered outside');
    expect(body).toContain('<h3>DC-1 — Distribution &lt;centre&gt; → MSK-1 — Moscow 1</h3>');
    expect(body).toContain('<td>Кефир 2,5% 900 г</td>');
    expect(body).toContain('<h3>For MSK-1 — Moscow 1</h3>');
    expect(body).toMatch(
      /<form class="trigger" method="post" action="\/actions\/trigger-replenishment">\s*<input type="hidden" name="warehouse_id" value="7d9f2a4e-1b3c-4d5e-8f60-718293a4b5c6" \/>/,
    );
  });

  it("starts with the same parameters and goes to the new run's page", async () => {
    const operator = await open();
    const preview = await text(operator, '/runs/new?preview=1&warehouse_id=');
    const warehouseId = /name="warehouse_id" value="([^"]*)"/.exec(preview.body)?.[1];
    expect(warehouseId).toBe('');
    const start = await postForm(operator, '/actions/trigger-replenishment', { warehouse_id: warehouseId ?? '' });
    expect(start.headers.get('location')).toBe(`/runs/${STAND_IN_RUN_ID}`);
    expect(api.requests.filter((request) => request.method === 'POST').map((request) => request.query)).toEqual(['dry_run=true', '']);
  });

  it('lets a viewer preview but offers no Start', async () => {
    const { body } = await text(await open('viewer'), '/runs/new?preview=1');
    expect(body).toContain('<strong>66</strong> Units transferred');
    expect(body).toContain('Your role (viewer) can preview but not start a run.');
    expect(body).not.toContain('action="/actions/trigger-replenishment"');
  });

  it("says why a preview failed: the API's own words, an answer that is no plan, or no API at all", async () => {
    api.previewAnswer = { status: 422, body: { error: { code: 'unknown_warehouse', message: 'No warehouse <x>', field: 'warehouse_id' } } };
    expect((await text(await open(), `/runs/new?preview=1&warehouse_id=${MSK}`)).body).toContain(
      'The preview failed: the API answered HTTP 422 — No warehouse &lt;x&gt;.',
    );
    api.previewAnswer = malformedAnswer(200, { plan: [] });
    expect((await text(await open(), '/runs/new?preview=1')).body).toContain('The API answered the preview with something that is not a plan');
    const down = await unusedLocalUrl();
    const offline = await text(await open('operator', down), '/runs/new?preview=1');
    expect(offline.body).toContain(`The preview failed: the API at <code>${down}</code> could not be reached.`);
    expect(offline.body).toMatch(/<select name="warehouse_id"\s+disabled>/);
    expect(offline.body).toContain('The warehouse list could not be loaded from the API');
  });

  it('comes back to the chosen warehouse saying why a Start started nothing', async () => {
    const running = '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
    api.triggerAnswer = { status: 409, body: { error: { code: 'run_in_progress', message: 'busy', run_id: running } } };
    const operator = await open();
    const { location, page } = await followRedirect(operator, await postForm(operator, '/actions/trigger-replenishment', { warehouse_id: MSK }));
    expect(location).toBe(`/runs/new?warehouse_id=${MSK}&trigger=busy&trigger_run_id=${running}`);
    expect(page).toContain(`The run was not started: run <a href="/runs/${running}"><code>${running}</code></a> is in progress`);
    expect(page).toContain(`<option value="${MSK}" selected>`);
  });
});
