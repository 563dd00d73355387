import { beforeAll, describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER, TRANSFER_ORDER } from '@hub/orders';
import { eventNamesOf } from '@hub/orders/testing';
import { DEAD_EVENT, seedOutboxEvent } from '@hub/outbox/testing';
import { tableRows, useAdminPages } from '../testing/admin-pages';

const TRANSFER = eventNamesOf(TRANSFER_ORDER);

describe('the outbox page', () => {
  const admin = useAdminPages();

  it('says the outbox is empty, with zero counts, before any event is written', async () => {
    const { status, body } = await admin.page('/outbox');
    expect(status).toBe(200);
    expect(body).toContain('The outbox is empty: no event has been written yet.');
    expect(body).toContain('<strong>0</strong> Dead');
    expect(body).not.toContain('class="count alarm"');
    expect(body).toContain('Nothing is waiting for delivery.');
    expect(body).not.toContain('<table');
    expect(body).toContain('<a href="/outbox" aria-current="page">Outbox</a>');
  });

  describe('with events', () => {
    let ids: { delivered: string; dead: string; pending: string };

    beforeAll(async () => {
      ids = {
        delivered: await seedOutboxEvent(admin.sessions, {
          ...TRANSFER,
          set: "status = 'delivered', delivered_at = now(), response_ref = '1c-00042', created_at = now() - interval '4 hours'",
        }),
        dead: await seedOutboxEvent(admin.sessions, {
          ...TRANSFER,
          set: `${DEAD_EVENT}, created_at = now() - interval '3 hours'`,
          payload: { note: '<script>alert(1)</script>' },
        }),
        pending: await seedOutboxEvent(admin.sessions, { ...eventNamesOf(EXTERNAL_ORDER), set: "created_at = now() - interval '2 hours'" }),
      };
    });

    it('shows counts by status, then the events newest first, with Retry on the dead one only', async () => {
      const { status, body } = await admin.page('/outbox');
      expect(status).toBe(200);
      for (const count of ['<strong>1</strong> Pending', '<strong>0</strong> In flight', '<strong>1</strong> Delivered', '<strong>1</strong> Dead']) {
        expect(body).toContain(count);
      }
      expect(body).toContain('<li class="count alarm">');
      expect(body).toContain('The oldest pending event has waited 2 h.');
      expect(body).toContain('3 events, newest first.');
      const [pending, dead, delivered] = tableRows(body);
      expect(pending).toContain(ids.pending);
      expect(pending).toContain('CREATE_MS_CUSTOMER_ORDER');
      expect(dead).toContain(ids.dead);
      expect(dead).toContain('the other side answered 500: internal error');
      expect(dead).toContain(`<form class="retry" method="post" action="/outbox/${ids.dead}/retry">`);
      expect(delivered).toContain('1c-00042');
      expect(body.match(/<form class="retry"/g)).toHaveLength(1);
    });

    it('escapes what the events hold', async () => {
      const { body } = await admin.page('/outbox');
      expect(body).not.toContain('<script>alert(1)</script>');
      expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('filters by status and type, keeping the filters in the Retry form', async () => {
      const dead = await admin.page('/outbox?status=dead&event_type=CREATE_1C_TRANSFER_ORDER');
      expect(tableRows(dead.body)).toHaveLength(1);
      expect(dead.body).toContain('1 event matching the filters, newest first.');
      expect(dead.body).toContain('<option value="dead" selected>Dead</option>');
      expect(dead.body).toContain('<input type="hidden" name="status" value="dead" />');
      const none = await admin.page('/outbox?status=in_flight');
      expect(none.body).toContain('No outbox events match the filters.');
      expect(none.body).not.toContain('<table');
    });

    it('answers 422 naming a filter it cannot use, and an unknown page cursor', async () => {
      const badStatus = await admin.page('/outbox?status=failed');
      expect(badStatus.status).toBe(422);
      expect(badStatus.body).toContain('status must be one of pending, in_flight, delivered, dead');
      for (const field of ['cursor', 'before']) {
        const unknown = await admin.page(`/outbox?${field}=0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10`);
        expect(unknown.status).toBe(422);
        expect(unknown.body).toContain(`${field} names no outbox event; start again from the first page`);
        const malformed = await admin.page(`/outbox?${field}=yesterday`);
        expect(malformed.status).toBe(422);
        expect(malformed.body).toContain(`${field} must be an id from the “Older events” link`);
      }
      const both = await admin.page(`/outbox?cursor=${ids.dead}&before=${ids.pending}`);
      expect(both.status).toBe(422);
      expect(both.body).toContain('cursor and before (its older name) differ; give one of them');
      expect(both.body).not.toContain('<table');
    });

    it('pages on with "Older events" after 100 events', async () => {
      await admin.sessions.open().execute(
        `insert into outbox_events (id, aggregate_type, aggregate_id, event_type, payload, status, created_at)
         select gen_random_uuid(), 'transfer_order', gen_random_uuid(), 'CREATE_1C_TRANSFER_ORDER', '{}', 'delivered',
           now() - interval '5 hours' - n * interval '1 second'
         from generate_series(1, 100) as n`,
        [],
        'run',
      );
      const first = await admin.page('/outbox');
      expect(tableRows(first.body)).toHaveLength(100);
      const older = /<a href="(\/outbox\?cursor=[0-9a-f-]{36})">Older events →<\/a>/.exec(first.body)?.[1];
      expect(older).toBeDefined();
      const second = await admin.page(older ?? '');
      expect(tableRows(second.body)).toHaveLength(3);
      expect(second.body).not.toContain('Older events');
      // A link from before the admin used the API's name for the cursor still leads to the same page.
      const oldLink = await admin.page((older ?? '').replace('cursor=', 'before='));
      expect([oldLink.status, tableRows(oldLink.body)]).toEqual([200, tableRows(second.body)]);
    });
  });
});
