/**
 * The `filter` parameter as md/_general.md defines it for equality: conditions joined by `;`
 * (a literal `;` escaped as `\;`), `field=value`, the same field repeated meaning OR.
 * Returns the values per field, or an error naming the first condition the sandbox cannot read.
 */
export function parseEqualityFilter(
  filter: string | undefined,
  allowedFields: readonly string[],
): { ok: true; values: Map<string, string[]> } | { ok: false; problem: string } {
  const values = new Map<string, string[]>();
  if (!filter) return { ok: true, values };
  const conditions = filter.split(/(?<!\\);/).filter((part) => part.length > 0);
  for (const condition of conditions) {
    const match = /^([A-Za-z.]+)=(.*)$/.exec(condition);
    const field = match?.[1];
    if (!match || !field || !allowedFields.includes(field)) {
      return { ok: false, problem: `the sandbox filters only by ${allowedFields.join(', ')} with '=', not '${condition}'` };
    }
    values.set(field, [...(values.get(field) ?? []), (match[2] ?? '').replaceAll('\\;', ';')]);
  }
  return { ok: true, values };
}

/** Whether an entity passes: for every filtered field, its value is one of the asked ones. */
export function matchesFilter(values: Map<string, string[]>, fields: object): boolean {
  const fieldValue = (field: string): unknown => (fields as Record<string, unknown>)[field];
  return [...values].every(([field, wanted]) => wanted.includes(String(fieldValue(field) ?? "")));
}
