/**
 * Issue 14, hostile input: thousands of generated requests over every route the admin declares,
 * signed in as an operator or a viewer, not signed in, and from another site, over real HTTP on
 * 127.0.0.1. No answer is a 5xx, shows a trace or an internal message, shows planted markup
 * unescaped, or redirects off the admin; a viewer or a stranger changes nothing; a body over the
 * limit is a 413 before it is read.
 */
import {
  HOSTILE_STRINGS,
  XSS_MARKERS,
  answerToUnfinishedRequest,
  describeTally,
  fuzzTargets,
  rawHttpClient,
  type FuzzIdentity,
  type HostileRequest,
  type RawResponse,
} from '@hub/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRun } from '../runs/testing/seed-runs';
import { adminIdentities, adminTargets, FUZZ_VIEWER, startFuzzedAdmin, type FuzzedAdmin } from '../testing/fuzzed-admin';

/** Per route (15 today): about 4,000 cases in all. */
const CASES_PER_ROUTE = 270;
const MAX_FORM_BYTES = 16 * 1024;
const PUBLIC = /^\/(health|login|logout|lang|assets\/)/;
const MUTATIONS = /^\/(actions\/trigger-replenishment|outbox\/[^/]*\/retry)(\?|$)/;
/** Content types a browser sends cross-site without asking first, which the CSRF check guards. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

const redirectProblems = (response: RawResponse): string[] => {
  const location = response.headers.location;
  if (location === undefined) return [];
  return /^\/(?![/\\])/.test(location) ? [] : [`redirects off the admin, to ${location}`];
};

/** What a case may not get, for who sent it. */
function identityProblems(request: HostileRequest, identity: FuzzIdentity, response: RawResponse): string[] {
  const path = request.path.replace(/\?.*$/, '');
  const succeeded = response.status < 400;
  const refusedFirst = [413, 431].includes(response.status);
  if (identity.name === 'not signed in' && !PUBLIC.test(path) && !refusedFirst) {
    const toSignIn = response.status === 303 && String(response.headers.location).startsWith('/login');
    if (!toSignIn && ![401, 403].includes(response.status)) return [`answered ${response.status} to a stranger`];
  }
  if (request.method === 'POST' && MUTATIONS.test(request.path)) {
    if (identity.name === 'viewer' && succeeded) return [`a viewer's ${request.method} answered ${response.status}`];
    if (identity.name === 'operator, another site' && FORM_TYPES.test(request.headers?.['content-type'] ?? '') && succeeded)
      return [`another site's form answered ${response.status}`];
  }
  return [];
}

describe('admin under hostile input', () => {
  let admin: FuzzedAdmin;
  let client: ReturnType<typeof rawHttpClient>;

  beforeAll(async () => {
    admin = await startFuzzedAdmin();
    client = rawHttpClient(admin.server.url);
  });
  afterAll(async () => {
    client?.close();
    await admin?.close();
  });

  it('answers every route, signed in and not, without a 5xx, a leak or an unescaped reflection', async () => {
    // Stored text is hostile too: pages show it back.
    const runIds = [
      await seedRun(admin.sessions, { status: 'failed', trigger: 'admin', minutesAgo: 5, error: XSS_MARKERS.join(' '), startedBy: 'fuzz-operator' }),
      await seedRun(admin.sessions, { status: 'succeeded', trigger: 'endpoint', minutesAgo: 10 }),
    ];
    // PostgreSQL text holds no NUL: the rest of each string is planted as it is.
    for (const [index, text] of HOSTILE_STRINGS.map((hostile) => hostile.replaceAll('\u0000', '')).entries()) {
      await admin.sessions
        .open()
        .execute(
          `insert into integration_logs (level, message, source, job_name, step, status, external_system, created_at) values ('info', ?, 'admin-fuzz', ?, ?, ?, ?, now() - ? * interval '1 second')`,
          [`planted ${index}: ${text}`, text.slice(0, 200), text.slice(0, 128), text.slice(0, 32), text.slice(0, 32), index],
          'run',
        );
    }
    const targets = adminTargets(admin.routes, runIds);
    const identities = await adminIdentities(admin);

    const tally = await fuzzTargets({
      targets,
      identities,
      bodyLimit: MAX_FORM_BYTES,
      casesPerTarget: CASES_PER_ROUTE,
      send: client.send,
      check: (request, identity, response) => [...redirectProblems(response), ...identityProblems(request, identity, response)],
    });
    process.stdout.write(describeTally('admin', tally));

    expect(targets.length).toBeGreaterThanOrEqual(15);
    for (const target of targets) {
      const name = `${target.method} ${target.path}`;
      expect(tally.perTarget.get(name), name).toBe(CASES_PER_ROUTE);
      // Signed in, every route answered some case with something other than a refusal of the session or the size.
      const statuses = [...(tally.statusesByTargetAndIdentity.get(`${name} operator`) ?? [])];
      expect(
        statuses.some((status) => ![401, 413, 431].includes(status)),
        `${name}: ${statuses.join(', ')}`,
      ).toBe(true);
    }
    expect(tally.total).toBeGreaterThanOrEqual(4_000);
    // Nothing a viewer sent reached the API.
    expect(admin.api.requests.filter((request) => request.operator === FUZZ_VIEWER)).toEqual([]);
  });

  describe('a form over the limit is refused before it is read', () => {
    const written = async () => ({
      sessions: (await admin.sessions.open().execute<{ n: string }[]>('select count(*)::text as n from admin_sessions', [], 'all'))[0]?.n,
      apiRequests: admin.api.requests.length,
    });
    let cookie: string;
    beforeAll(async () => {
      cookie = await admin.sessionCookie('operator');
    });
    const head = (path: string, framing: string) =>
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${admin.server.url}\r\nCookie: ${cookie}\r\n` +
      `Content-Type: application/x-www-form-urlencoded\r\n${framing}\r\n`;

    it.each(['/login', '/actions/trigger-replenishment', '/outbox/00000000-0000-4000-8000-000000000000/retry', '/logout'])(
      '%s: a declared Content-Length over the limit is a 413 while the form is still unsent, and nothing is done',
      async (path) => {
        const before = await written();
        const bytes = head(path, `Content-Length: ${MAX_FORM_BYTES * 100}\r\n`) + 'username=fuzz-operator&password=';
        const answer = await answerToUnfinishedRequest(admin.server.url, Buffer.from(bytes));
        expect(answer.status).toBe(413);
        expect(await written()).toEqual(before);
      },
    );

    it('a chunked form without Content-Length is a 413 once it passes the limit, before it ends, and nothing is done', async () => {
      const before = await written();
      const chunk = `warehouse_id=&pad=${'x'.repeat(MAX_FORM_BYTES)}`;
      const bytes = head('/actions/trigger-replenishment', 'Transfer-Encoding: chunked\r\n') + `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
      const answer = await answerToUnfinishedRequest(admin.server.url, Buffer.from(bytes));
      expect(answer.status).toBe(413);
      expect(await written()).toEqual(before);
    });
  });
});
