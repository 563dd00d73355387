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
  try {
    return (await query) as BoundResult<Row>;
  } catch (error) {
    throw withoutStatement(error, sql);
  }
}

/**
 * knex puts the whole statement before the server's message (`<sql> - <message>`), which a run's
 * error or each log row's failure line would then repeat. The error keeps the server's words and
 * PostgreSQL's fields (`code`, `detail`, `constraint`, …); knex's error stays as `cause`.
 */
function withoutStatement(error: unknown, sql: string): unknown {
  if (!(error instanceof Error)) return error;
  // knex numbers the parameters ($1, …): the text after the last one is as written here.
  const statementEnd = `${sql.slice(sql.lastIndexOf('?') + 1)} - `;
  const at = error.message.indexOf(statementEnd);
  if (at === -1) return error;
  return Object.assign(new Error(error.message.slice(at + statementEnd.length), { cause: error }), error);
}

/**
 * Runs a statement with its `?` parameters bound, not inlined, in `em`'s transaction if it
 * has one, and returns the rows it affected. For batch statements (one array literal per
 * column, see sqlColumns): `em.execute` would first copy every parameter, escaped, into one
 * SQL string — megabytes of text built, escaped and parsed again for every thousand rows.
 * The SQL must have no `?` but its parameters' (none inside a quoted literal). A failure is
 * PostgreSQL's error without the statement (see withoutStatement).
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
