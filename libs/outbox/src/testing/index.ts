/** Test helpers of the outbox (`@hub/outbox/testing`): specs and testing/ folders only. */
export {
  TEST_EVENT_TYPE,
  TEST_AGGREGATE_TYPE,
  DEAD_EVENT,
  seedOutboxEvent,
  enqueueEvents,
  enqueueOne,
  updateEvent,
  readEvent,
  clearOutbox,
  type OutboxRow,
  type SeededEvent,
} from './outbox-rows';
