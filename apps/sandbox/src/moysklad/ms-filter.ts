/**
 * The `filter` parameter as md/_general.md lines 1229–1292 define it: conditions joined by `;`
 * (a literal `;` escaped as `\;`), each `field<op>value` with op one of `=`, `!=`, `~`
 * (substring), `~=` (prefix), `=~` (suffix). Repeated `=` on one field means OR, repeated `!=`
 * AND, different fields AND; `=` and another operator on one field is an error (line 1253).
 * `field=` matches an empty value, `field!=` a present one (lines 1268–1270).
 */
export type MsFilterOperator = '=' | '!=' | '~' | '~=' | '=~';

export interface MsFilterCondition {
  field: string;
  operator: MsFilterOperator;
  value: string;
}

export type ParsedFilter = { ok: true; conditions: MsFilterCondition[] } | { ok: false; problem: string };

// Longest operators first, so `!=`, `~=` and `=~` are not read as `=` or `~`.
const CONDITION = /^([A-Za-z.]+)(!=|~=|=~|=|~)(.*)$/s;

/** Reads `filter`, allowing only `allowedFields`; an error names the first condition it cannot apply. */
export function parseFilter(filter: string | undefined, allowedFields: readonly string[]): ParsedFilter {
  const conditions: MsFilterCondition[] = [];
  if (!filter) return { ok: true, conditions };
  for (const part of filter.split(/(?<!\\);/).filter((p) => p.length > 0)) {
    const match = CONDITION.exec(part);
    const field = match?.[1];
    if (!match || !field) return { ok: false, problem: `cannot read the condition '${part}'` };
    if (!allowedFields.includes(field)) return { ok: false, problem: `the field '${field}' cannot be filtered here (only ${allowedFields.join(', ')})` };
    conditions.push({ field, operator: match[2] as MsFilterOperator, value: (match[3] ?? '').replaceAll('\\;', ';') });
  }
  for (const field of new Set(conditions.map((c) => c.field))) {
    const operators = new Set(conditions.filter((c) => c.field === field).map((c) => c.operator));
    if (operators.has('=') && operators.size > 1) return { ok: false, problem: `'${field}' has an equality and another condition at once` };
  }
  return { ok: true, conditions };
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

function holds(condition: MsFilterCondition, actual: string): boolean {
  switch (condition.operator) {
    case '=':
      return actual === condition.value;
    case '!=':
      return actual !== condition.value;
    case '~':
      return actual.toLowerCase().includes(condition.value.toLowerCase());
    case '~=':
      return actual.toLowerCase().startsWith(condition.value.toLowerCase());
    case '=~':
      return actual.toLowerCase().endsWith(condition.value.toLowerCase());
  }
}

/** Whether an entity passes every field's conditions: `=` values of a field OR'ed, all others AND'ed. */
export function matchesFilter(conditions: readonly MsFilterCondition[], entity: object): boolean {
  const fields = entity as Record<string, unknown>;
  return [...new Set(conditions.map((c) => c.field))].every((field) => {
    const own = conditions.filter((c) => c.field === field);
    const actual = text(fields[field]);
    const equalities = own.filter((c) => c.operator === '=');
    if (equalities.length > 0) return equalities.some((c) => holds(c, actual));
    return own.every((c) => holds(c, actual));
  });
}

/** The `=` values asked for one field (e.g. the stores of a report), or undefined when it is not filtered. */
export function equalityValues(conditions: readonly MsFilterCondition[], field: string): string[] | undefined {
  const values = conditions.filter((c) => c.field === field && c.operator === '=').map((c) => c.value);
  return values.length > 0 ? values : undefined;
}
