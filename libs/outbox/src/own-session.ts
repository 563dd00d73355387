import type { EntityManager, MikroORM } from '@hub/db';

/**
 * A session on a connection of its own, never on a transaction the caller has open: a
 * claim or an outcome must commit at once, or its lease means nothing to other replicas.
 * MikroORM 6.6's plain `orm.em.fork()` already leaves the caller's transaction behind
 * (checked against 6.6.16); `disableContextResolution` says so explicitly rather than
 * relying on that.
 */
export function ownSession(orm: MikroORM): EntityManager {
  return orm.em.fork({ disableContextResolution: true });
}
