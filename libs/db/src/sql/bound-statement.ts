import type { EntityManager } from '@mikro-orm/postgresql';

interface BoundResult<Row> {
  rows: Row[];
  rowCount?: number | null;
}

async function runBound<Row>(em: EntityManager, sql: string, params: readonly string[]): Promise<BoundResult<Row>> {
  const query = em
    .getConnection()
    .getKnex()
    .raw(sql, [...params]);
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  return (await query) as BoundResult<Row>;
}

/**
 * Runs a statement with its `?` parameters bound, not inlined, in `em`'s transaction if it
 * has one, and returns the rows it affected. For batch statements (one array literal per
 * column, see sqlColumns): `em.execute` would first copy every parameter, escaped, into one
 * SQL string — megabytes of text built, escaped and parsed again for every thousand rows.
 * The SQL must have no `?` but its parameters' (none inside a quoted literal).
 */
export async function executeBound(em: EntityManager, sql: string, params: readonly string[]): Promise<number> {
  return (await runBound(em, sql, params)).rowCount ?? 0;
}

/**
 * `executeBound` for a batch statement that answers rows (`… returning`): the rows, as the
 * driver reads them (a timestamptz as text, see toDate).
 */
export async function queryBound<Row>(em: EntityManager, sql: string, params: readonly string[]): Promise<Row[]> {
  return (await runBound<Row>(em, sql, params)).rows;
}
