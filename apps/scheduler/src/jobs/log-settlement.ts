import type { LoggerService } from '@hub/logging';
import type { EventSettlement } from '@hub/outbox';

const STEP = 'deliver_outbox_event';

/**
 * One row per delivered or failed event, below the tick's INFO summary: DEBUG for a
 * delivery, WARNING for a retry or a lease taken over, ERROR for an event given up on.
 */
export function logSettlement(logger: LoggerService, settlement: EventSettlement): Promise<void> {
  const { event } = settlement;
  const payload = { eventId: event.id, eventType: event.eventType, aggregateId: event.aggregateId, attempts: event.attempts };
  switch (settlement.status) {
    case 'delivered':
      return logger.debug('Outbox event delivered', { step: STEP, status: 'delivered', payload: { ...payload, responseRef: settlement.responseRef } });
    case 'retried':
      return logger.warning('Outbox event delivery failed; retry scheduled', {
        step: STEP,
        status: 'retried',
        payload: { ...payload, retryInMs: settlement.delayMs },
        details: { error: settlement.error },
      });
    case 'dead':
      return logger.error('Outbox event delivery failed for good; event is dead', {
        step: STEP,
        status: 'dead',
        payload,
        details: { error: settlement.error },
      });
    case 'lease_lost':
    case 'lease_lost_after_delivery':
      return logger.warning('Outbox event lease expired during delivery; another replica owns it now', {
        step: STEP,
        status: settlement.status,
        payload,
      });
  }
}
