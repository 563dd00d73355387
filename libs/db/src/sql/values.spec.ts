import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { sqlArray, sqlColumns, toDate } from './values';

describe('array parameters', () => {
  const database = useTestOrm();
  const select = <T>(sql: string, params: unknown[]) => database.orm.em.fork().execute<T[]>(sql, params, 'all');

  it('bring any text back unchanged, one element each: quotes, backslashes, commas, braces, blanks, NULL', async () => {
    const values = ['plain', '', ' ', 'a,b', '{x}', 'say "hi"', 'back\\slash', "it's", 'NULL', 'Кефир 2,5% 900 г', null];
    const [row] = await select<{ values: Array<string | null> }>('select ?::text[] as values', [sqlArray(values)]);
    expect(row?.values).toEqual(values);
  });

  it('read as uuid[] and unnest a batch column by column, jsonb included', async () => {
    const rows = [
      { id: '9b2f4c6e-1a3d-4e5f-8a7b-0c1d2e3f4a5b', quantity: 6, explanation: { need: 36, note: 'a "quoted", {braced} text' } },
      { id: '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90', quantity: 12, explanation: { need: 12 } },
    ];
    const read = await select<{ id: string; quantity: number; explanation: unknown }>(
      'select x.id, x.quantity, x.explanation from unnest(?::uuid[], ?::integer[], ?::jsonb[]) as x(id, quantity, explanation)',
      sqlColumns(rows, ['id', 'quantity', 'explanation']),
    );
    expect(read).toEqual(rows);
  });

  it('may be empty', async () => {
    const [row] = await select<{ n: number }>('select cardinality(?::uuid[]) as n', [sqlArray([])]);
    expect(row?.n).toBe(0);
  });
});

describe('values read back from raw queries', () => {
  const database = useTestOrm();
  const one = async <T>(sql: string) => (await database.orm.em.fork().execute<T[]>(sql, [], 'all'))[0] as T;

  it('turns timestamptz text into the same instant, whatever its precision and offset', async () => {
    const row = await one<{ micro: string; whole: string; tenth: string; offset: string }>(`
      select '2026-12-03 09:08:23.037459+00'::timestamptz as micro,
             '2026-12-03 09:08:23+00'::timestamptz as whole,
             '2026-12-03 09:08:23.5+00'::timestamptz as tenth,
             '2026-12-03 12:08:23.25+03'::timestamptz as offset`);
    expect(toDate(row.micro).toISOString()).toBe('2026-12-03T09:08:23.037Z');
    expect(toDate(row.whole).toISOString()).toBe('2026-12-03T09:08:23.000Z');
    expect(toDate(row.tenth).toISOString()).toBe('2026-12-03T09:08:23.500Z');
    expect(toDate(row.offset).toISOString()).toBe('2026-12-03T09:08:23.250Z');
    expect(toDate('2026-12-03 14:38:23+05:30').toISOString()).toBe('2026-12-03T09:08:23.000Z');
  });

  it('refuses text that is no timestamp', () => {
    expect(() => toDate('yesterday')).toThrow(TypeError);
    expect(() => toDate('2026-12-03')).toThrow(TypeError);
  });
});
