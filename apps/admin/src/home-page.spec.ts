import { beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_TICK_FINISHED } from '@hub/outbox';
import { seedRun, seedRunWithOrders } from './runs/testing/seed-runs';
import { tableRows, useAdminPages } from './testing/admin-pages';

describe('the home page', () => {
  const admin = useAdminPages('viewer');

  it('says when nothing has happened yet, with both charts drawn empty', async () => {
    const { status, body } = await admin.page('/');
    expect(status).toBe(200);
    expect(body).toContain('<a href="/" aria-current="page">Home</a>');
    expect(body).toContain('No replenishment run has been started yet');
    expect(body).toContain('Nothing is waiting for delivery.');
    expect(body.match(/<svg viewBox="0 0 640 220"/g)).toHaveLength(2);
    expect(body).not.toContain('<rect class="series-');
  });

  describe('with runs and deliveries', () => {
    let runId: string;

    beforeAll(async () => {
      ({ runId } = await seedRunWithOrders(admin.sessions));
      await seedRun(admin.sessions, { status: 'failed', trigger: 'schedule', minutesAgo: 5, error: '1С down' });
      await admin.sessions
        .open()
        .execute(
          `insert into integration_logs (level, message, payload) values ('INFO', ?, '{"claimed": 4, "delivered": 3, "retried": 1, "dead": 0}'::jsonb)`,
          [OUTBOX_TICK_FINISHED],
        );
    });

    it('lists the last runs newest first, each linking to its page', async () => {
      const { body } = await admin.page('/');
      const rows = tableRows(body);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain('1С down');
      expect(rows[1]).toContain(`<a href="/runs/${runId}">`);
      expect(body).toContain('<a href="/runs">All runs →</a>');
    });

    // seedRunWithOrders leaves one event delivered and one dead.
    it("shows the outbox's counts, the dead one in alarm, and that nothing waits", async () => {
      const { body } = await admin.page('/');
      expect(body).toMatch(/<li class="count alarm">\s*<a href="\/outbox\?status=dead"><strong>1<\/strong> Dead<\/a>/);
      expect(body).toMatch(/<a href="\/outbox\?status=delivered"><strong>1<\/strong> Delivered<\/a>/);
      expect(body).toContain('Nothing is waiting for delivery.');
    });

    it("draws today's units transferred with the mean duration, and this hour's deliveries stacked by result", async () => {
      const { body } = await admin.page('/');
      // seedRunWithOrders transfers 24 units in a run of 2.5 s.
      expect(body).toMatch(/<rect class="series-units" [^>]+><title>\d\d-\d\d: 24<\/title><\/rect>/);
      expect(body).toMatch(/<circle class="series-duration" [^>]+><title>2\.5 s<\/title><\/circle>/);
      expect(body).toMatch(/<rect class="series-delivered" [^>]+><title>\d\d: 3<\/title><\/rect>/);
      expect(body).toMatch(/<rect class="series-retried" [^>]+><title>\d\d: 1<\/title><\/rect>/);
      expect(body).not.toMatch(/<rect class="series-dead"/);
    });
  });
});
