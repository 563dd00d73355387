/**
 * Decides, column by column, what still separates `integration_logs` from the entity's
 * shape. A pure function of the table's shape, so a second run finds nothing to do.
 */
import { LOGS_TABLE, type LogsTableShape } from './table-shape';

/** Correlation ids the Python release stored as varchar; uuid in the entity. */
export const UUID_COLUMNS = ['run_id', 'request_id', 'job_id'] as const;
/** json / text in the Python release; jsonb in the entity. */
export const JSON_COLUMNS = ['payload', 'details'] as const;
export type UuidColumn = (typeof UUID_COLUMNS)[number];
export type JsonColumn = (typeof JSON_COLUMNS)[number];
export type ConvertedColumn = UuidColumn | JsonColumn;

/** Columns the Python release did not have. Nullable without a default: adding is metadata-only. */
export const ADDED_COLUMNS = [
  { name: 'source', type: 'varchar(64)' },
  { name: 'job_name', type: 'text' },
] as const;
export type AddedColumn = (typeof ADDED_COLUMNS)[number];

/** The indexes the admin's queries need (see DESIGN.md "Data"). */
export const LOG_INDEXES = [
  { name: 'ix_integration_logs_created_at', column: 'created_at' },
  { name: 'ix_integration_logs_run_id', column: 'run_id' },
  { name: 'ix_integration_logs_request_id', column: 'request_id' },
  { name: 'ix_integration_logs_job_id', column: 'job_id' },
  { name: 'ix_integration_logs_job_name', column: 'job_name' },
] as const;
export type LogIndex = (typeof LOG_INDEXES)[number];

/** Everything that still separates the table from the entity's shape; all empty/false when nothing does. */
export interface NormalisationPlan {
  addColumns: AddedColumn[];
  /** Text columns to turn into uuid. */
  uuidColumns: UuidColumn[];
  /** Columns to turn into jsonb, with the type they have now. */
  jsonColumns: { name: JsonColumn; dataType: string }[];
  /** `id` is integer/smallint: widen to bigint. */
  idToBigint: boolean;
  /** `id` is serial: replace its default and sequence with an identity. */
  idToIdentity: boolean;
  /** The serial's sequence, dropped once the identity replaces it. */
  serialSequence: string | null;
  createIndexes: LogIndex[];
  /** Indexes that exist but are invalid (e.g. a failed concurrent build). */
  reindex: string[];
}

/** The table lacks a column the Python release always had: too unlike it to convert safely. */
export class UnexpectedLogsTableError extends Error {
  constructor(readonly missingColumns: string[]) {
    super(
      `${LOGS_TABLE} has no column(s) ${missingColumns.join(', ')}: it is neither the Python release's ` +
        'table nor this project\'s, so it is left untouched. Compare it with DESIGN.md ("Data") and fix it by hand.',
    );
    this.name = 'UnexpectedLogsTableError';
  }
}

/** What must change so that a table of `shape` matches the entity. */
export function planNormalisation(shape: LogsTableShape): NormalisationPlan {
  const expected = ['id', ...UUID_COLUMNS, ...JSON_COLUMNS];
  const missing = expected.filter((name) => !shape.columns.has(name));
  if (missing.length > 0) throw new UnexpectedLogsTableError(missing);
  const dataType = (name: string): string => shape.columns.get(name)?.dataType ?? '';
  const id = shape.columns.get('id');
  const idToIdentity = id?.isIdentity === false;
  return {
    addColumns: ADDED_COLUMNS.filter((column) => !shape.columns.has(column.name)),
    uuidColumns: UUID_COLUMNS.filter((name) => dataType(name) !== 'uuid'),
    jsonColumns: JSON_COLUMNS.filter((name) => dataType(name) !== 'jsonb').map((name) => ({ name, dataType: dataType(name) })),
    idToBigint: dataType('id') !== 'bigint',
    idToIdentity,
    serialSequence: idToIdentity ? shape.idSequence : null,
    createIndexes: LOG_INDEXES.filter((index) => !shape.indexes.has(index.name)),
    reindex: LOG_INDEXES.filter((index) => shape.indexes.get(index.name) === false).map((index) => index.name),
  };
}

/** One phrase per change the plan makes, in the order it makes them; empty when none. */
export function describePlan(plan: NormalisationPlan): string[] {
  return [
    ...plan.addColumns.map((column) => `add ${column.name} ${column.type}`),
    ...(plan.idToBigint ? ['id to bigint'] : []),
    ...(plan.idToIdentity ? ['id from serial to identity'] : []),
    ...plan.uuidColumns.map((name) => `${name} to uuid`),
    ...plan.jsonColumns.map((column) => `${column.name} from ${column.dataType} to jsonb`),
    ...plan.createIndexes.map((index) => `create ${index.name}`),
    ...plan.reindex.map((name) => `rebuild invalid ${name}`),
  ];
}
