import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { createSessionFactory } from '../session';
import { copyRows, CopyOutsideTransactionError, openCopy } from './copy-rows';

const AWKWARD = `tab\there, new\nline, \\N, back\\slash, carriage\rreturn, O'Brien "quoted" Склад №2`;

describe('copyRows', () => {
  const database = useTestOrm();
  const sessions = () => createSessionFactory(database.orm);
  const warehouses = (prefix: string) =>
    database.orm.em
      .fork()
      .execute<{ code: string; name: string }[]>(`select code, name from warehouses where external_id like ? order by code`, [`${prefix}%`], 'all');

  it('writes every row as given, any text in it, and says how many', async () => {
    const prefix = randomUUID();
    const rows = Array.from({ length: 1_203 }, (_, i) => [randomUUID(), `${prefix}-${i}`, String(i).padStart(5, '0'), i === 7 ? AWKWARD : `W ${i}`]);
    const copied = await sessions().withSession((em) => copyRows(em, 'warehouses', ['id', 'external_id', 'code', 'name'], rows));
    expect(copied).toBe(1_203);
    const stored = await warehouses(prefix);
    expect(stored).toHaveLength(1_203);
    expect(stored[7]).toEqual({ code: '00007', name: AWKWARD });
  });

  it('keeps text whole where it crosses from one buffer sent to the next, a value longer than a buffer included', async () => {
    const prefix = randomUUID();
    // About 500 KB of rows of two- and three-byte characters, one value of them over 100 KB alone.
    const long = `Склад ${'№'.repeat(40_000)} ${AWKWARD}`;
    const name = (i: number) => (i === 1_500 ? long : `Склад №${i}: ${'ё'.repeat(i % 97)} ${AWKWARD}`);
    const rows = Array.from({ length: 3_000 }, (_, i) => [randomUUID(), `${prefix}-${i}`, String(i).padStart(5, '0'), name(i)]);
    const copied = await sessions().withSession((em) => copyRows(em, 'warehouses', ['id', 'external_id', 'code', 'name'], rows));
    expect(copied).toBe(3_000);
    const stored = await warehouses(prefix);
    expect(stored.map((row) => row.name)).toEqual(rows.map((_, i) => name(i)));
  });

  it('keeps rows whole when several callers write to one COPY at once', async () => {
    const prefix = randomUUID();
    const name = (i: number) => `Склад №${i}: ${'ё'.repeat(i % 97)} ${AWKWARD}`;
    const rows = Array.from({ length: 4_000 }, (_, i) => [randomUUID(), `${prefix}-${String(i).padStart(5, '0')}`, String(i), name(i)]);
    const copied = await sessions().withSession(async (em) => {
      const copy = await openCopy(em, 'warehouses', ['id', 'external_id', 'code', 'name']);
      await Promise.all([0, 1, 2, 3].map((part) => copy.write(rows.slice(part * 1_000, (part + 1) * 1_000))));
      return copy.end();
    });
    expect(copied).toBe(4_000);
    const stored = await database.orm.em
      .fork()
      .execute<{ name: string }[]>(`select name from warehouses where external_id like ? order by external_id`, [`${prefix}%`], 'all');
    expect(stored.map((row) => row.name)).toEqual(rows.map((_, i) => name(i)));
  });

  it('sends an object as JSON and null as NULL', async () => {
    const run = randomUUID();
    const parameters = { why: AWKWARD, need: 36, share: 0.5, nested: { list: [1, null] } };
    await sessions().withSession((em) => copyRows(em, 'replenishment_runs', ['id', 'trigger', 'parameters', 'error'], [[run, 'manual', parameters, null]]));
    const [row] = await database.orm.em
      .fork()
      .execute<{ error: string | null; parameters: object }[]>(`select error, parameters from replenishment_runs where id = ?`, [run], 'all');
    expect(row).toEqual({ error: null, parameters });
  });

  it('fails as PostgreSQL refuses a row, and the transaction writes nothing', async () => {
    const prefix = randomUUID();
    const rows = [
      [randomUUID(), `${prefix}-1`, 'A', 'first'],
      [randomUUID(), `${prefix}-1`, 'B', 'the same external id again'],
    ];
    const failure = await sessions()
      .withSession((em) => copyRows(em, 'warehouses', ['id', 'external_id', 'code', 'name'], rows))
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505', detail: expect.stringContaining(`${prefix}-1`) });
    expect(await warehouses(prefix)).toEqual([]);
  });

  it("rejects every write that follows a refusal with PostgreSQL's own error, and the transaction writes nothing", async () => {
    const prefix = randomUUID();
    const row = (i: number) => [randomUUID(), `${prefix}-${i}`, `C${i}`, `Склад №${i} ${'ё'.repeat(40)}`];
    const failures = await sessions()
      .withSession(async (em) => {
        const copy = await openCopy(em, 'warehouses', ['id', 'external_id', 'code', 'name']);
        await copy.write([row(0), ['not-a-uuid', `${prefix}-bad`, 'X', 'refused']]);
        // PostgreSQL answers the row it cannot read while rows still go out: a write after its answer rejects (bounded).
        const refused = async () => {
          for (let part = 1; part <= 500; part++) {
            await copy.write(Array.from({ length: 200 }, (_, i) => row(part * 1_000 + i)));
            await setImmediate(); // lets the socket's answer in, as the next 1С answer's arrival would
          }
        };
        const first = await refused().catch((error: unknown) => error);
        // Another answer's rows, written after the refusal (as StockStore's concurrent answers are).
        const next = await copy.write([row(1)]).catch((error: unknown) => error);
        await copy.end().catch(() => undefined);
        throw Object.assign(new Error('refused'), { first, next });
      })
      .catch((error: unknown) => error as { first: unknown; next: unknown });
    const refusal = { code: '22P02', message: expect.stringContaining('not-a-uuid') };
    expect(failures.first).toMatchObject(refusal);
    expect(failures.next).toMatchObject(refusal);
    expect(await warehouses(prefix)).toEqual([]);
  });

  it('takes rows as they arrive, and an abandoned COPY writes nothing, the transaction failing with the reason', async () => {
    const prefix = randomUUID();
    const row = (i: number) => [randomUUID(), `${prefix}-${i}`, `C${i}`, `W ${i}`];
    const copied = await sessions().withSession(async (em) => {
      const copy = await openCopy(em, 'warehouses', ['id', 'external_id', 'code', 'name']);
      for (let part = 0; part < 3; part++) await copy.write([row(2 * part), row(2 * part + 1)]);
      return copy.end();
    });
    expect(copied).toBe(6);
    expect(await warehouses(prefix)).toHaveLength(6);

    const abandoned = `${prefix}-abandoned`;
    const failure = await sessions()
      .withSession(async (em) => {
        const copy = await openCopy(em, 'warehouses', ['id', 'external_id', 'code', 'name']);
        await copy.write([[randomUUID(), abandoned, 'X', 'never stored']]);
        const reason = new Error('1С stopped answering');
        await copy.abort(reason);
        throw reason;
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe('1С stopped answering');
    expect(await warehouses(abandoned)).toEqual([]);
  });

  it('refuses to run outside a transaction, and a name that is not a plain identifier', async () => {
    const em = database.orm.em.fork();
    await expect(copyRows(em, 'warehouses', ['id'], [])).rejects.toBeInstanceOf(CopyOutsideTransactionError);
    await expect(sessions().withSession((tx) => copyRows(tx, 'warehouses; drop table products', ['id'], []))).rejects.toThrow(
      'is not a plain table or column name',
    );
  });
});
