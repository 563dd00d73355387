import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { createSessionFactory } from '../session';
import { executeBound, queryBound } from './bound-statement';
import { sqlColumns } from './values';

const INSERT_WAREHOUSES = `
  insert into warehouses (id, external_id, code, name)
  select gen_random_uuid(), x.external_id, x.code, x.name from unnest(?::text[], ?::text[], ?::text[]) as x(external_id, code, name)`;

describe('executeBound', () => {
  const database = useTestOrm();
  const names = (prefix: string) =>
    database.orm.em.fork().execute<{ name: string }[]>(`select name from warehouses where external_id like ? order by name`, [`${prefix}%`], 'all');

  it('writes a batch with any text in it, and says how many rows', async () => {
    const prefix = randomUUID();
    const rows = [
      { externalId: `${prefix}-1`, code: 'A', name: `O'Brien "quoted", {braced} \\ back? slash` },
      { externalId: `${prefix}-2`, code: 'B', name: 'Склад №2' },
    ];
    const written = await createSessionFactory(database.orm).withSession((em) =>
      executeBound(em, INSERT_WAREHOUSES, sqlColumns(rows, ['externalId', 'code', 'name'])),
    );
    expect(written).toBe(2);
    expect(await names(prefix)).toEqual([{ name: `O'Brien "quoted", {braced} \\ back? slash` }, { name: 'Склад №2' }]);
  });

  it('writes in the session’s transaction: rolled back with it', async () => {
    const prefix = randomUUID();
    const rows = [{ externalId: `${prefix}-1`, code: 'A', name: 'never committed' }];
    await expect(
      createSessionFactory(database.orm).withSession(async (em) => {
        await executeBound(em, INSERT_WAREHOUSES, sqlColumns(rows, ['externalId', 'code', 'name']));
        throw new Error('the orders could not be written');
      }),
    ).rejects.toThrow('the orders could not be written');
    expect(await names(prefix)).toEqual([]);
  });

  it('fails with the server’s words and fields, without the statement before them', async () => {
    const prefix = randomUUID();
    const rows = [
      { externalId: `${prefix}-1`, code: 'A', name: 'first of the batch' },
      { externalId: `${prefix}-1`, code: 'B', name: 'the same external id again' },
    ];
    const failure = await createSessionFactory(database.orm)
      .withSession((em) => executeBound(em, INSERT_WAREHOUSES, sqlColumns(rows, ['externalId', 'code', 'name'])))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^duplicate key value violates unique constraint "\w+"$/);
    expect(failure).toMatchObject({ code: '23505', constraint: expect.any(String), detail: expect.stringContaining(`${prefix}-1`) });
    expect(((failure as Error).cause as Error).message).toContain('insert into warehouses');
    expect(await names(prefix)).toEqual([]);
  });
});

describe('queryBound', () => {
  const database = useTestOrm();

  it('answers the rows a batch statement returns, any text in it as written', async () => {
    const prefix = randomUUID();
    const rows = [
      { externalId: `${prefix}-1`, code: 'A', name: `O'Brien "quoted", {braced} \\ back? slash` },
      { externalId: `${prefix}-2`, code: 'B', name: 'Склад №2' },
    ];
    const returned = await createSessionFactory(database.orm).withSession((em) =>
      queryBound<{ code: string; name: string }>(em, `${INSERT_WAREHOUSES} returning code, name`, sqlColumns(rows, ['externalId', 'code', 'name'])),
    );
    expect(returned.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'A', name: `O'Brien "quoted", {braced} \\ back? slash` },
      { code: 'B', name: 'Склад №2' },
    ]);
  });
});
