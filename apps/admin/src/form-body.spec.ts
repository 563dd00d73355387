import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStdoutLogger } from '@hub/logging';
import { useTestOrm } from '@hub/testing';
import { en } from './i18n/en';
import { signedInAdmin, type SignedInAdmin } from './testing/admin-session';
import { startHubApiStandIn, type HubApiStandIn } from './testing/hub-api-stand-in';

/*
 * Regressions the hostile-input fuzzer (resilience/hostile-input.resilience.ts) found: a form the
 * platform cannot parse was a 500, and a NUL in a logs filter reached PostgreSQL, whose refusal
 * (08P01) the page showed as "the database did not answer" (503).
 */
describe('forms and filters the admin cannot use', () => {
  const database = useTestOrm();
  let api: HubApiStandIn;
  let admin: SignedInAdmin;

  beforeAll(async () => {
    api = await startHubApiStandIn([]);
    admin = await signedInAdmin({ sessions: database.sessions, apiBaseUrl: api.url, logger: createStdoutLogger('admin-test', 'silent') });
  });
  afterAll(async () => {
    await api?.close();
  });

  it.each(['/actions/trigger-replenishment', `/outbox/${randomUUID()}/retry`])(
    'POST %s with a broken multipart body is a 400 page and asks the API nothing',
    async (path) => {
      const response = await admin.request(`http://localhost${path}`, {
        method: 'POST',
        headers: { origin: 'http://localhost', 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nContent-Disposition: form-data; name="warehouse_id"\r\n\r\ncut short',
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`${en.app.malformedFormBody} <a href="/">${en.app.back}</a>`);
      expect(api.requests).toEqual([]);
    },
  );

  it.each(['job_name', 'step', 'status', 'external_system', 'text'])('the logs page refuses a NUL in %s with 422 naming the field', async (field) => {
    const response = await admin.request(`http://localhost/logs?${new URLSearchParams({ [field]: 'a\u0000b' }).toString()}`);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(en.validation.nulCharacter(field).replaceAll('"', '&quot;'));
  });
});
