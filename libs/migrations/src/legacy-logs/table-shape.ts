/** Reads what `integration_logs` looks like now, from the catalogue, without touching rows. */

/** Runs one SQL statement without parameters and returns its rows. */
export type RunSql = (sql: string) => Promise<Record<string, unknown>[]>;

/** The audit trail's table, the only one this normalisation touches. */
export const LOGS_TABLE = 'integration_logs';

/** One column as the catalogue describes it. */
export interface ColumnShape {
  /** As information_schema spells it: `character varying`, `text`, `json`, `jsonb`, `uuid`, … */
  dataType: string;
  isIdentity: boolean;
  hasDefault: boolean;
}

/** The parts of the table's definition the normalisation decides on. */
export interface LogsTableShape {
  columns: ReadonlyMap<string, ColumnShape>;
  /** The sequence owned by `id` (serial or identity), schema-qualified; null when none. */
  idSequence: string | null;
  /** Index name → whether PostgreSQL considers it valid. */
  indexes: ReadonlyMap<string, boolean>;
}

/** The current shape of `integration_logs` in the current schema. */
export async function readLogsTableShape(runSql: RunSql): Promise<LogsTableShape> {
  const columnRows = await runSql(`
    select column_name, data_type, is_identity, column_default
      from information_schema.columns
     where table_schema = current_schema() and table_name = '${LOGS_TABLE}'`);
  const indexRows = await runSql(`
    select index_class.relname as index_name, pg_index.indisvalid as is_valid
      from pg_index
      join pg_class as index_class on index_class.oid = pg_index.indexrelid
     where pg_index.indrelid = to_regclass('${LOGS_TABLE}')`);
  const [sequenceRow] = await runSql(`select pg_get_serial_sequence('${LOGS_TABLE}', 'id') as sequence_name`);
  return {
    columns: new Map(
      columnRows.map((row) => [
        String(row['column_name']),
        {
          dataType: String(row['data_type']),
          isIdentity: row['is_identity'] === 'YES',
          hasDefault: row['column_default'] !== null && row['column_default'] !== undefined,
        },
      ]),
    ),
    idSequence: typeof sequenceRow?.['sequence_name'] === 'string' ? sequenceRow['sequence_name'] : null,
    indexes: new Map(indexRows.map((row) => [String(row['index_name']), row['is_valid'] === true])),
  };
}
