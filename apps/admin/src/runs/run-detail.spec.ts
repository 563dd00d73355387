import { beforeAll, describe, expect, it } from 'vitest';
import { useAdminPages } from '../testing/admin-pages';
import { seedRun, seedRunWithOrders, type RunWithOrders } from './testing/seed-runs';

/** The numeric cells of the first line row of the order section that contains `marker`. */
function lineNumbers(body: string, marker: string): string[] {
  const section = body.split('<section class="panel order">').find((part) => part.includes(marker)) ?? '';
  const row = section.split('<tbody>')[1]?.split('</tr>')[0] ?? '';
  return [...row.matchAll(/<td class="number">(.*?)<\/td>/g)].map((match) => match[1] ?? '');
}

describe('a run’s page', () => {
  const admin = useAdminPages();
  let seeded: RunWithOrders;

  beforeAll(async () => {
    seeded = await seedRunWithOrders(admin.sessions);
  });
  it('shows the run’s header: ids, trigger, target, timings and every count', async () => {
    const { status, body } = await admin.page(`/runs/${seeded.runId}`);
    expect(status).toBe(200);
    expect(body).toContain(`<dt>Run ID</dt><dd class="id">${seeded.runId}</dd>`);
    expect(body).toContain('<span class="status status-succeeded">Succeeded</span>');
    expect(body).toContain('<dt>Trigger</dt><dd>Admin</dd>');
    expect(body).toContain('<dt>Started by</dt><dd>marina.k</dd>');
    expect(body).toContain('<dt>Target</dt><dd>SPB-1 — Saint Petersburg</dd>');
    expect(body).toContain(`{&quot;warehouseId&quot;:&quot;${seeded.targetWarehouseId}&quot;}`);
    expect(body).toContain('(took 2.5 s)');
    expect(body).toContain('<strong>24</strong> Units transferred');
    expect(body).toContain('<strong>12</strong> Units ordered outside');
  });

  it('shows the transfer order with its 1С number, delivery and the numbers behind its line', async () => {
    const { body } = await admin.page(`/runs/${seeded.runId}`);
    expect(body).toContain('<h2>Transfer orders (1)</h2>');
    expect(body).toContain('MSK-1 — Moscow central → SPB-1 — Saint Petersburg <span class="status status-sent">Sent</span>');
    expect(body).toContain('<dt>1С number</dt><dd>ПР-000123</dd>');
    expect(body).toContain('<span class="status status-delivered">Delivered</span>');
    expect(body).toContain('SKU-0002');
    // Quantity, then on hand, reserved, inbound, position, min, max, multiple, need, donor surplus,
    // total need, total surplus, fair share, fair quota, covered, share.
    expect(lineNumbers(body, seeded.transferOrderId)).toEqual([
      '<strong>24</strong>',
      '9',
      '3',
      '2',
      '8',
      '10',
      '40',
      '6',
      '36',
      '30',
      '48',
      '30',
      '0.625',
      '18',
      '24',
      '0.6667',
    ]);
  });

  it('shows the outside order with its dead event’s error and the part own warehouses could not cover', async () => {
    const { body } = await admin.page(`/runs/${seeded.runId}`);
    expect(body).toContain('<h2>Outside orders (1)</h2>');
    expect(body).toContain('For SPB-1 — Saint Petersburg <span class="status status-pending">Pending</span>');
    expect(body).toContain('<dt>МойСклад number</dt><dd>not yet: the other side has not accepted the order</dd>');
    expect(body).toContain('<span class="status status-dead">Dead</span>');
    expect(body).toContain('10 attempts');
    expect(body).toContain('Last error: the other side answered 500: internal error');
    expect(lineNumbers(body, seeded.externalOrderId)).toEqual([
      '<strong>12</strong>',
      '9',
      '3',
      '2',
      '8',
      '10',
      '40',
      '6',
      '36',
      '0',
      '48',
      '30',
      '0.625',
      '18',
      '24',
      '0.6667',
    ]);
  });

  it('escapes what the catalogue holds', async () => {
    const { body } = await admin.page(`/runs/${seeded.runId}`);
    expect(body).not.toContain('Кефир <2,5%>');
    expect(body).toContain('Кефир &lt;2,5%&gt; 900 г');
  });

  it('says a queued run has no orders yet, and shows a failed run’s error without counts', async () => {
    const queued = await seedRun(admin.sessions, { status: 'queued', trigger: 'endpoint', minutesAgo: 1 });
    const queuedPage = await admin.page(`/runs/${queued}`);
    expect(queuedPage.status).toBe(200);
    expect(queuedPage.body).toContain('The run has not finished yet; its transfer orders appear here when it has.');
    expect(queuedPage.body).toContain('<dt>Target</dt><dd>All warehouses with rules</dd>');
    const failed = await seedRun(admin.sessions, { status: 'failed', trigger: 'schedule', minutesAgo: 5, error: '1С could not be reached' });
    const failedPage = await admin.page(`/runs/${failed}`);
    expect(failedPage.body).toContain('The run failed: 1С could not be reached');
    expect(failedPage.body).toContain('This run wrote no outside orders.');
    expect(failedPage.body).toContain('No counts: a run records them when it succeeds.');
  });

  it('answers 404 for a run id nothing has, and 400 naming the problem for an id that is no UUID', async () => {
    const unknown = await admin.page('/runs/0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('There is no run with id <code>0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10</code>.');
    const malformed = await admin.page('/runs/%3Cb%3Eyesterday');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain('<code>&lt;b&gt;yesterday</code> is not a run id: a run id is a UUID');
  });

  it('links to the run’s log entries, and is linked from the run ids on the logs page', async () => {
    await admin.sessions
      .open()
      .execute(`insert into integration_logs (level, message, source, run_id) values ('INFO', 'run planned 2 orders', 'api', ?::uuid)`, [seeded.runId]);
    await admin.sessions.open().execute(`insert into integration_logs (level, message, source) values ('INFO', 'another run', 'api')`);
    const runPage = await admin.page(`/runs/${seeded.runId}`);
    const logsLink = /<a href="(\/logs\?[^"]+)">this run’s log entries<\/a>/.exec(runPage.body)?.[1];
    expect(logsLink).toContain(`run_id=${seeded.runId}`);
    const logs = await admin.page((logsLink ?? '').replaceAll('&amp;', '&'));
    expect(logs.status).toBe(200);
    expect(logs.body).toContain('run planned 2 orders');
    expect(logs.body).not.toContain('another run');
    expect(logs.body).toContain(`<a href="/runs/${seeded.runId}">${seeded.runId.slice(0, 8)}…</a>`);
    expect(logs.body).toContain(`<a href="/runs/${seeded.runId}">${seeded.runId}</a>`);
  });
});
