import { BURY_ABANDONED_EVENTS } from './bury-abandoned-events';
import { CLAIM_DUE_EVENTS } from './claim-due-events';
import { MARK_DELIVERED } from './mark-delivered';

/**
 * The statements a batch runs, as written here once (knex `?` placeholders), for a benchmark
 * that runs the same claims and marks from a plain client to measure the outbox's overhead
 * (tools/bench, P4). Parameters: bury (maxAttempts, maxAttempts); claim (limit, owner,
 * leaseMs); mark delivered (ids uuid[], responseRefs text[], owner).
 */
export const OUTBOX_STATEMENTS = {
  buryAbandonedEvents: BURY_ABANDONED_EVENTS,
  claimDueEvents: CLAIM_DUE_EVENTS,
  markDelivered: MARK_DELIVERED,
} as const;
