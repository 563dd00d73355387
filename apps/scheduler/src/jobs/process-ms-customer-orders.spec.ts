import { describe, expect, it } from 'vitest';
import { EXTERNAL_ORDER } from '@hub/orders';
import { readOrder, seedOrder } from '@hub/orders/testing';
import { readMoySkladSandboxStats } from '@hub/testing';
import { createScheduler } from '../scheduler';
import { useSchedulerTestEnv } from '../testing/scheduler-test-env';

describe('process_outbox_events_job with МойСклад', () => {
  const env = useSchedulerTestEnv('hub_test_outbox_ms_tick');

  it('delivers an outside order to МойСклад through the shared limiter, with externalCode = event id', async () => {
    const moysklad = env.moysklad();
    const { orderId, eventId } = await seedOrder(env.sessions, { kind: EXTERNAL_ORDER });

    const result = await createScheduler(env.deps({ moysklad })).runOutboxTick();

    expect(result).toMatchObject({ status: 'completed', counts: { claimed: 1, delivered: 1 } });
    const documents = (await readMoySkladSandboxStats(env.sandbox.baseUrl)).customerOrders.documents.filter((doc) => doc.externalCode === eventId);
    expect(documents).toHaveLength(1);
    expect(await readOrder(env.sessions, EXTERNAL_ORDER, orderId)).toMatchObject({ status: 'sent', external_id: documents[0]?.id });
  });
});
