import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs a statement with its `?` parameters bound, not inlined, in `em`'s transaction if it
 * has one, and returns the rows it affected. For batch statements (one array literal per
 * column, see sqlColumns): `em.execute` would first copy every parameter, escaped, into one
 * SQL string — megabytes of text built, escaped and parsed again for every thousand rows.
 * The SQL must have no `?` but its parameters' (none inside a quoted literal).
 */
export async function executeBound(em: EntityManager, sql: string, params: readonly string[]): Promise<number> {
  const query = em
    .getConnection()
    .getKnex()
    .raw(sql, [...params]);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const result = (await query) as { rowCount?: number | null };
  return result.rowCount ?? 0;
}
