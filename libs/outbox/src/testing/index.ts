/** Test helpers of the outbox (`@hub/outbox/testing`): specs and testing/ folders only. */
export { DEAD_EVENT, seedOutboxEvent, updateEvent, readEvent, clearOutbox, heldEvent, type OutboxRow, type SeededEvent } from './outbox-rows';
