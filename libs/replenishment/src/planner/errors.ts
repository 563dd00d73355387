/** Stable codes, so callers can map a planning failure without parsing its message. */
export const PLANNING_INPUT_ERROR_CODES = { duplicateRow: 'PLANNING_DUPLICATE_ROW' } as const;

/**
 * The planner was given two rules, or two stock rows, for one (warehouse, product). The
 * database's unique keys rule this out; were it to happen, which row wins would depend on
 * input order, so the planner refuses instead of guessing.
 */
export class DuplicatePlanningRowError extends Error {
  readonly code = PLANNING_INPUT_ERROR_CODES.duplicateRow;

  constructor(
    readonly kind: 'rule' | 'stock',
    readonly warehouseId: string,
    readonly productId: string,
  ) {
    super(`Two ${kind} rows for warehouse ${warehouseId}, product ${productId}: at most one is allowed`);
    this.name = 'DuplicatePlanningRowError';
  }
}
