/**
 * Issue 14, injection: the admin's filters given SQL, LIKE wildcards, backslashes, JSON path, HTML
 * and header-splitting text. Rows holding that text literally are planted beside decoys that
 * hold it only as a pattern would match (100 percent, aXb…): each search returns exactly the
 * rows that contain the text, the page shows it escaped, and no answer carries a planted header.
 */
import { HEADER_SPLITTING, problemsOf, rawHttpClient, XSS_MARKERS, type RawResponse } from '@hub/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANG_COOKIE } from '../i18n/messages';
import { tableRows } from '../testing/admin-pages';
import { startFuzzedAdmin, type FuzzedAdmin } from '../testing/fuzzed-admin';

const PAYLOADS = [
  "' OR 1=1 --",
  "'; drop table integration_logs; --",
  '%',
  '_',
  '\\',
  '\\%',
  '%_%',
  '$.x ? (@ == 1)',
  XSS_MARKERS[0],
  XSS_MARKERS[1],
  HEADER_SPLITTING,
] as const;
/** Each matches a payload only if the payload were a pattern: `%` any text, `_` any character, `\` an escape. */
const DECOYS = [
  '100 percent done',
  'aXb',
  'plain slash /',
  'OR 1=1 without a quote',
  'x ? (y == 1)',
  'script alert',
  'Set-Cookie without a line break',
] as const;

interface PlantedRow {
  tag: string;
  message: string;
  value: string;
}

describe('admin filters under injection', () => {
  let admin: FuzzedAdmin;
  let client: ReturnType<typeof rawHttpClient>;
  let cookie: string;
  const planted: PlantedRow[] = [];

  beforeAll(async () => {
    admin = await startFuzzedAdmin();
    client = rawHttpClient(admin.server.url);
    cookie = `${await admin.sessionCookie('viewer')}; ${LANG_COOKIE}=en`;
    const texts = [
      ...PAYLOADS.map((text, index) => ({ tag: `row-${index}`, value: text })),
      ...DECOYS.map((text, index) => ({ tag: `decoy-${index}`, value: text })),
    ];
    for (const [index, { tag, value }] of texts.entries()) {
      const message = `${tag} before ${value} after`;
      // The same text in every exact-match column too (job, step, status, system), cut to each column's limit.
      await admin.sessions
        .open()
        .execute(
          `insert into integration_logs (level, message, source, job_name, step, status, external_system, created_at) values ('info', ?, 'injection', ?, ?, ?, ?, now() - ? * interval '1 second')`,
          [message, value, value.slice(0, 128), value.slice(0, 32), value.slice(0, 32), index + 1],
          'run',
        );
      planted.push({ tag, message, value });
    }
  });
  afterAll(async () => {
    client?.close();
    await admin?.close();
  });

  const page = async (query: Record<string, string>): Promise<{ response: RawResponse; tags: string[] }> => {
    const response = await client.send({ method: 'GET', path: `/logs?${new URLSearchParams(query).toString()}`, headers: { cookie } });
    const tags = tableRows(response.body).map((row) => /\b(row|decoy)-\d+\b/.exec(row)?.[0] ?? `untagged: ${row.slice(0, 80)}`);
    return { response, tags: tags.sort() };
  };

  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    'text search for %s returns exactly the rows containing it, escaped',
    async (_name, payload) => {
      const { response, tags } = await page({ text: payload });
      expect(problemsOf(response)).toEqual([]);
      expect(response.status).toBe(200);
      // The page trims what was typed, as a person would expect; ILIKE ignores case.
      const wanted = payload.trim().toLowerCase();
      const expected = planted
        .filter((row) => row.message.toLowerCase().includes(wanted))
        .map((row) => row.tag)
        .sort();
      expect(tags).toEqual(expected);
      expect(tags.length).toBeGreaterThan(0);
    },
  );

  it.each(['job_name', 'step', 'status', 'external_system'].flatMap((field) => PAYLOADS.map((payload) => [field, JSON.stringify(payload), payload])))(
    '%s = %s returns exactly the rows holding that value, escaped',
    async (field, _name, payload) => {
      const { response, tags } = await page({ [field]: payload });
      expect(problemsOf(response)).toEqual([]);
      const limit = { job_name: 200, step: 128, status: 32, external_system: 32 }[field] as number;
      // Longer than the column: refused naming the field, no rows.
      expect(response.status).toBe(payload.trim().length > limit ? 422 : 200);
      const expected = planted
        .filter((row) => row.value.slice(0, limit) === payload.trim())
        .map((row) => row.tag)
        .sort();
      expect(tags).toEqual(expected);
    },
  );

  it.each(PAYLOADS.map((payload) => [JSON.stringify(payload), payload]))(
    'runs and outbox filters refuse %s with 422 naming the field, showing it escaped',
    async (_name, payload) => {
      for (const path of [`/runs?status=`, `/runs?trigger=`, `/outbox?status=`, `/outbox?event_type=`, `/outbox?cursor=`]) {
        const response = await client.send({ method: 'GET', path: path + encodeURIComponent(payload), headers: { cookie } });
        expect(problemsOf(response), path).toEqual([]);
        // A blank value means "no filter" (the form sends every field): only the others are refused.
        if (payload.trim() === '') continue;
        expect(response.status, path).toBe(422);
        expect(tableRows(response.body), path).toEqual([]);
      }
      const detail = await client.send({ method: 'GET', path: `/runs/${encodeURIComponent(payload)}`, headers: { cookie } });
      expect(problemsOf(detail)).toEqual([]);
      expect([400, 404]).toContain(detail.status);
    },
  );

  it('redirects that carry a return address keep header-splitting text inside it', async () => {
    const encoded = encodeURIComponent(`/logs${HEADER_SPLITTING}`);
    for (const path of [`/lang?to=en&back=${encoded}`, `/login?next=${encoded}`, `/logs?text=${encodeURIComponent(HEADER_SPLITTING)}`]) {
      // Not signed in: /logs redirects to the sign-in page with the address in `next`.
      const response = await client.send({ method: 'GET', path });
      expect(problemsOf(response), path).toEqual([]);
      expect(response.headers.location ?? '/', path).toMatch(/^\/(?![/\\])[^\r\n]*$/);
    }
  });
});
