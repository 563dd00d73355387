import type { EntityManager, MikroORM } from '@hub/db';

/**
 * A session of its own, even when called inside someone else's transaction: a plain
 * `orm.em.fork()` would join the surrounding transaction context, and a claim or an
 * outcome written there would stay invisible (and its lease meaningless) until that
 * transaction ends.
 */
export function ownSession(orm: MikroORM): EntityManager {
  return orm.em.fork({ disableContextResolution: true });
}
