import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import {
  keysetTable,
  newestFirst,
  olderThanCursor,
  pickCursor,
  readKeysetPage,
  UnknownCursorError,
  type KeysetPage,
  type KeysetParameters,
} from './keyset-page';

const PROBE = keysetTable('keyset_probe', 'probe row');
const SELECT_PROBES = `
  select id from keyset_probe
  where (?::text is null or kind = ?::text)
    and ${olderThanCursor(PROBE)}
  ${newestFirst(PROBE)}`;

// Rows a microsecond apart: finer than a JS Date, so a cursor that went through one would skip or repeat rows.
const BASE = '2026-12-03 09:00:00.000001+00';

describe('readKeysetPage', () => {
  const database = useTestOrm();
  const em = () => database.orm.em.fork();
  const seen: KeysetParameters[] = [];

  const page = (cursor: string | null | undefined, limit: number, kind: string | null = null): Promise<KeysetPage<{ id: string }>> => {
    const session = em();
    return readKeysetPage(session, PROBE, { cursor: cursor ?? undefined, limit }, (keyset) => {
      seen.push(keyset);
      return session.execute<{ id: string }[]>(SELECT_PROBES, [kind, kind, ...keyset.cursor, keyset.limit], 'all');
    });
  };

  /** Every page from the first on, following nextCursor; bounded so a cursor that never ends fails the test. */
  const allPages = async (limit: number, between?: () => Promise<void>): Promise<string[][]> => {
    const pages: string[][] = [];
    let cursor: string | null = null;
    for (let index = 0; index < 50; index += 1) {
      const next: KeysetPage<{ id: string }> = await page(cursor, limit);
      pages.push(next.items.map((row) => row.id));
      if (next.nextCursor === null) return pages;
      expect(next.nextCursor).toBe(next.items.at(-1)?.id);
      cursor = next.nextCursor;
      await between?.();
    }
    throw new Error('more than 50 pages: the cursor never reached the end');
  };

  /** Inserts rows `offsets` microseconds after BASE (all at one instant when offsets repeat); returns their ids in the order given. */
  const insert = async (offsets: number[], kind = 'a'): Promise<string[]> => {
    const ids = offsets.map(() => randomUUID());
    for (const [index, id] of ids.entries()) {
      await em().execute(
        `insert into keyset_probe (id, created_at, kind) values (?::uuid, ?::timestamptz + ? * interval '1 microsecond', ?)`,
        [id, BASE, offsets[index], kind],
        'run',
      );
    }
    return ids;
  };

  beforeAll(async () => {
    await em().execute('create table keyset_probe (id uuid primary key, created_at timestamptz not null, kind text not null)', [], 'run');
  });
  beforeEach(async () => {
    await em().execute('truncate keyset_probe', [], 'run');
    seen.length = 0;
  });

  it('answers an empty table with an empty last page', async () => {
    expect(await page(undefined, 3)).toEqual({ items: [], nextCursor: null });
  });

  it('reads one row more than the limit, and ends on a full page when the rows are an exact multiple of it', async () => {
    const ids = await insert([0, 1, 2, 3, 4, 5]);
    const newestFirstIds = [...ids].reverse();
    expect(await allPages(3)).toEqual([newestFirstIds.slice(0, 3), newestFirstIds.slice(3)]);
    expect(seen.map((keyset) => keyset.limit)).toEqual([4, 4]);
    expect(await allPages(4)).toEqual([newestFirstIds.slice(0, 4), newestFirstIds.slice(4)]);
    expect(await allPages(6)).toEqual([newestFirstIds]);
  });

  it('keeps every page correct while new rows arrive between pages: no row twice, none skipped', async () => {
    const ids = await insert([0, 1, 2, 3, 4, 5, 6]);
    let arrivals = 0;
    // After each page, two rows newer than everything and one as old as the newest row already listed.
    const pages = await allPages(2, async () => {
      arrivals += 1;
      await insert([100 + arrivals, 200 + arrivals]);
      await insert([6]);
    });
    expect(pages.flat()).toEqual([...ids].reverse());
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
  });

  it('orders rows of one instant by id and pages through them one at a time', async () => {
    const ids = await insert([7, 7, 7, 7]);
    const pages = await allPages(1);
    expect(pages.flat()).toEqual([...ids].sort().reverse());
  });

  it('pages a filtered list from a cursor row the filter leaves out', async () => {
    const [a1] = await insert([0], 'a');
    const [b1] = await insert([1], 'b');
    const [a2] = await insert([2], 'a');
    expect(await page(b1, 5, 'a')).toEqual({ items: [{ id: a1 }], nextCursor: null });
    expect(await page(a2, 5, 'b')).toEqual({ items: [{ id: b1 }], nextCursor: null });
    // The cursor exists: an empty page is an empty page, not an unknown cursor.
    expect(await page(a1, 5, 'b')).toEqual({ items: [], nextCursor: null });
  });

  it('answers the oldest row as cursor with an empty last page, not an error', async () => {
    const [oldest] = await insert([0, 1]);
    expect(await page(oldest, 2)).toEqual({ items: [], nextCursor: null });
  });

  it('throws UnknownCursorError, with its code, for a cursor that names no row or is no id at all', async () => {
    await insert([0, 1, 2]);
    const unknown = randomUUID();
    await expect(page(unknown, 2)).rejects.toThrow(UnknownCursorError);
    await expect(page(unknown, 2)).rejects.toMatchObject({
      code: 'unknown_cursor',
      cursor: unknown,
      rowName: 'probe row',
      message: `No probe row with id ${unknown}`,
    });
    await expect(page("x' or true --", 2)).rejects.toMatchObject({ code: 'unknown_cursor', cursor: "x' or true --" });
    // The malformed one never reached the database.
    expect(seen).toHaveLength(2);
  });

  it('refuses a limit that is not a positive whole number before reading anything', async () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) await expect(page(undefined, limit)).rejects.toThrow(RangeError);
    expect(seen).toEqual([]);
  });

  it('accepts only plain table names, since the name is written into the SQL', () => {
    for (const name of ['keyset_probe; drop table keyset_probe', 'Probe', 'public.probe', '"probe"', '']) {
      expect(() => keysetTable(name, 'row')).toThrow(TypeError);
    }
    expect(olderThanCursor(PROBE)).toContain('keyset_probe.created_at');
  });
});

describe('pickCursor: one cursor under its name or its older alias', () => {
  const id = '5b0a4c1e-8f7d-4e7a-9d51-2f3b6c7d8e90';

  it('takes either name, or both when they agree in any case, and says which name it came in', () => {
    expect(pickCursor({})).toEqual({ field: 'cursor', cursor: undefined });
    expect(pickCursor({ cursor: id })).toEqual({ field: 'cursor', cursor: id });
    expect(pickCursor({ before: id })).toEqual({ field: 'before', cursor: id });
    expect(pickCursor({ cursor: id, before: id.toUpperCase() })).toEqual({ field: 'cursor', cursor: id });
  });

  it('refuses two different cursors', () => {
    expect(pickCursor({ cursor: id, before: '0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10' })).toBeUndefined();
  });
});
