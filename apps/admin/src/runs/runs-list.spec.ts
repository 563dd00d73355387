import { beforeAll, describe, expect, it } from 'vitest';
import { tableRows, useAdminPages } from '../testing/admin-pages';
import { seedRun, seedRunWithOrders } from './testing/seed-runs';

describe('the runs list', () => {
  const admin = useAdminPages();

  it('says no run has been started yet, with the header marking Runs', async () => {
    const { status, body } = await admin.page('/runs');
    expect(status).toBe(200);
    expect(body).toContain('No replenishment run has been started yet');
    expect(body).not.toContain('<table');
    expect(body).toContain('<a href="/runs" aria-current="page">Runs</a>');
  });

  describe('with runs', () => {
    let ids: { queued: string; failed: string; succeeded: string };

    beforeAll(async () => {
      ids = {
        succeeded: (await seedRunWithOrders(admin.sessions)).runId,
        failed: await seedRun(admin.sessions, { status: 'failed', trigger: 'schedule', minutesAgo: 20, error: '1С answered 503: <maintenance>' }),
        queued: await seedRun(admin.sessions, { status: 'queued', trigger: 'endpoint', minutesAgo: 1 }),
      };
    });

    it('lists the runs newest first, each linking to its page, a failed one in red with its error', async () => {
      const { status, body } = await admin.page('/runs');
      expect(status).toBe(200);
      expect(body).toContain('3 runs, newest first.');
      const [queued, failed, succeeded] = tableRows(body);
      expect(queued).toContain(
        `<a href="/runs/${ids.queued}">${ids.queued.slice(0, 8)}…</a></span><button type="button" class="copy" data-copy="${ids.queued}"`,
      );
      expect(queued).toContain('queued, not started');
      expect(queued).toContain('API endpoint');
      expect(queued).toContain('All warehouses with rules');
      expect(failed).toContain('class="run-failed"');
      expect(failed).toContain('<span class="status status-failed">Failed</span>');
      expect(failed).toContain('1С answered 503: &lt;maintenance&gt;');
      expect(failed).toContain('took 2.5 s');
      expect(succeeded).toContain(`<a href="/runs/${ids.succeeded}">`);
      expect(succeeded).toContain('Admin<br /><span class="hint">by marina.k</span>');
      expect(queued).not.toContain('by ');
      expect(succeeded).toContain('SPB-1 — Saint Petersburg');
      expect(succeeded).toContain('Admin');
      // Needs, transfer orders, units transferred, outside orders, units ordered outside.
      expect([...(succeeded ?? '').matchAll(/<td class="number" data-label="[^"]+">(\d*)<\/td>/g)].map((match) => match[1])).toEqual([
        '1',
        '1',
        '24',
        '1',
        '12',
      ]);
    });

    it('filters by status and by trigger, keeping the choice in the form', async () => {
      const failed = await admin.page('/runs?status=failed');
      expect(tableRows(failed.body)).toHaveLength(1);
      expect(failed.body).toContain('1 run matching the filters, newest first.');
      expect(failed.body).toContain('<option value="failed" selected>Failed</option>');
      const byAdmin = await admin.page('/runs?trigger=admin&status=');
      expect(tableRows(byAdmin.body)).toHaveLength(1);
      expect(byAdmin.body).toContain(ids.succeeded);
      const none = await admin.page('/runs?status=running');
      expect(none.status).toBe(200);
      expect(none.body).toContain('No runs match the filters.');
      expect(none.body).not.toContain('<table');
    });

    it('answers 422 naming a filter it cannot use, and an unknown page cursor', async () => {
      const badStatus = await admin.page('/runs?status=done&trigger=cron');
      expect(badStatus.status).toBe(422);
      expect(badStatus.body).toContain('status must be one of queued, running, succeeded, failed');
      expect(badStatus.body).toContain('trigger must be one of endpoint, schedule, admin');
      const badCursor = await admin.page('/runs?cursor=0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10');
      expect(badCursor.status).toBe(422);
      expect(badCursor.body).toContain('cursor names no run; start again from the first page');
      const malformed = await admin.page('/runs?cursor=page-2');
      expect(malformed.status).toBe(422);
      expect(malformed.body).toContain('cursor must be an id from the “Older runs” link');
    });

    it('pages on with "Older runs" after 50 runs, keeping the filters', async () => {
      await admin.sessions.open().execute(
        `insert into replenishment_runs (id, trigger, status, counts, created_at, started_at, finished_at)
         select gen_random_uuid(), 'schedule', 'succeeded', '{"needs": 0}', now() - interval '2 hours' - n * interval '1 second',
           now() - interval '2 hours', now() - interval '2 hours'
         from generate_series(1, 50) as n`,
        [],
        'run',
      );
      const first = await admin.page('/runs?trigger=schedule');
      expect(tableRows(first.body)).toHaveLength(50);
      const older = /<a href="(\/runs\?trigger=schedule&amp;cursor=[0-9a-f-]{36})">Older runs →<\/a>/.exec(first.body)?.[1];
      expect(older).toBeDefined();
      const second = await admin.page((older ?? '').replaceAll('&amp;', '&'));
      expect(second.status).toBe(200);
      expect(tableRows(second.body)).toHaveLength(1);
      expect(second.body).not.toContain('Older runs');
      // A link from before the admin used the API's name for the cursor still leads to the same page.
      const oldLink = await admin.page((older ?? '').replaceAll('&amp;', '&').replace('cursor=', 'before='));
      expect([oldLink.status, tableRows(oldLink.body)]).toEqual([200, tableRows(second.body)]);
    });
  });
});
