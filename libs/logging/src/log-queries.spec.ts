import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnknownCursorError, type EntityManager } from '@hub/db';
import { useTestOrm } from '@hub/testing';
import { InvalidLogQueryError, queryLogs, type LogQuery } from './log-queries';

const HOUR = 3_600_000;
const now = new Date('2026-03-02T12:00:00Z');
const lastDay = { from: new Date(now.getTime() - 24 * HOUR), to: now, limit: 100 } satisfies LogQuery;

describe('queryLogs on a database without integration_logs', () => {
  const database = useTestOrm('empty');

  it('reports the missing table as a result, not an error', async () => {
    await expect(queryLogs(database.orm.em.fork(), lastDay)).resolves.toEqual({ kind: 'table-missing' });
  });

  it('maps "undefined table" (42P01) to table-missing when the table vanishes after the check', async () => {
    const real = database.orm.em.fork();
    // The presence check sees the table; the select then runs against the real database without it.
    const racing = new Proxy(real, {
      get: (target, property, receiver) =>
        property === 'execute' ?
          (sql: string, params: unknown[], method: 'all') =>
            sql.includes('to_regclass') ? Promise.resolve([{ exists: true }]) : target.execute(sql, params, method)
        : Reflect.get(target, property, receiver),
    });
    await expect(queryLogs(racing, lastDay)).resolves.toEqual({ kind: 'table-missing' });
  });
});

describe('queryLogs on a migrated database', () => {
  const database = useTestOrm();
  const runA = randomUUID();
  const runB = randomUUID();
  const requestId = randomUUID();

  async function insertLog(em: EntityManager, hoursAgo: number, fields: Record<string, unknown>): Promise<void> {
    await em.execute(
      `insert into integration_logs (created_at, level, message, source, run_id, request_id, job_name, step, status, external_system, elapsed_ms, payload, details)
       values (?::timestamptz, ?, ?, 'test', ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)`,
      [
        new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
        fields['level'] ?? 'INFO',
        fields['message'],
        fields['runId'] ?? null,
        fields['requestId'] ?? null,
        fields['jobName'] ?? null,
        fields['step'] ?? null,
        fields['status'] ?? null,
        fields['externalSystem'] ?? null,
        fields['elapsedMs'] ?? null,
        JSON.stringify(fields['payload'] ?? null),
        JSON.stringify(fields['details'] ?? null),
      ],
    );
  }

  beforeAll(async () => {
    const em = database.orm.em.fork();
    await insertLog(em, 48, { message: 'two days ago' });
    await insertLog(em, 24, { message: 'exactly at the start of the day' });
    await insertLog(em, 3, { message: 'run A started', runId: runA, requestId, step: 'start', payload: { warehouse: 'MSK-1' } });
    await insertLog(em, 2, {
      message: 'run A failed: 1С timeout_50%',
      level: 'ERROR',
      runId: runA,
      status: 'failed',
      externalSystem: '1C',
      details: { error: 'timeout', attempts: 3 },
    });
    await insertLog(em, 1, { message: 'outbox tick', jobName: 'process_outbox_events_job', step: 'tick', elapsedMs: 42, payload: { delivered: 2 } });
    await insertLog(em, 0.5, { message: 'run B started', runId: runB });
    await insertLog(em, 0, { message: 'exactly at the end of the day' });
  });

  const messages = async (query: LogQuery): Promise<string[]> => {
    const result = await queryLogs(database.orm.em.fork(), query);
    if (result.kind !== 'rows') throw new Error(`expected rows, got ${result.kind}`);
    return result.rows.map((row) => row.message);
  };

  it('returns the period newest first, from inclusive and to exclusive', async () => {
    await expect(messages(lastDay)).resolves.toEqual([
      'run B started',
      'outbox tick',
      'run A failed: 1С timeout_50%',
      'run A started',
      'exactly at the start of the day',
    ]);
  });

  it('says empty when the period holds no rows', async () => {
    const lastYear = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-02-01T00:00:00Z'), limit: 10 };
    await expect(queryLogs(database.orm.em.fork(), lastYear)).resolves.toEqual({ kind: 'empty' });
  });

  it('gives camelCase fields, string ids and parsed JSON', async () => {
    const result = await queryLogs(database.orm.em.fork(), { ...lastDay, runId: runA });
    expect(result.kind).toBe('rows');
    if (result.kind !== 'rows') return;
    const started = result.rows.find((row) => row.message === 'run A started');
    expect(started).toMatchObject({
      level: 'INFO',
      source: 'test',
      runId: runA,
      requestId,
      jobId: null,
      step: 'start',
      createdAt: new Date(now.getTime() - 3 * HOUR),
      payload: { warehouse: 'MSK-1' },
    });
    expect(started?.id).toMatch(/^\d+$/);
    expect(result.rows.find((row) => row.level === 'ERROR')?.details).toEqual({ error: 'timeout', attempts: 3 });
  });

  it('filters by level, job name and run id, alone and together', async () => {
    await expect(messages({ ...lastDay, level: 'ERROR' })).resolves.toEqual(['run A failed: 1С timeout_50%']);
    await expect(messages({ ...lastDay, jobName: 'process_outbox_events_job' })).resolves.toEqual(['outbox tick']);
    await expect(messages({ ...lastDay, runId: runB })).resolves.toEqual(['run B started']);
    await expect(messages({ ...lastDay, runId: runA, level: 'INFO' })).resolves.toEqual(['run A started']);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, runId: runB, level: 'ERROR' })).resolves.toEqual({ kind: 'empty' });
  });

  it('filters by request id, external system, step, status and text in the message (any case, wildcards meaning themselves)', async () => {
    await expect(messages({ ...lastDay, requestId })).resolves.toEqual(['run A started']);
    await expect(messages({ ...lastDay, externalSystem: '1C' })).resolves.toEqual(['run A failed: 1С timeout_50%']);
    await expect(messages({ ...lastDay, step: 'tick' })).resolves.toEqual(['outbox tick']);
    await expect(messages({ ...lastDay, status: 'failed' })).resolves.toEqual(['run A failed: 1С timeout_50%']);
    await expect(messages({ ...lastDay, text: 'STARTED' })).resolves.toEqual(['run B started', 'run A started']);
    await expect(messages({ ...lastDay, text: 'timeout_50%' })).resolves.toEqual(['run A failed: 1С timeout_50%']);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, text: 'run_' })).resolves.toEqual({ kind: 'empty' });
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, text: 'B%' })).resolves.toEqual({ kind: 'empty' });
  });

  it('pages older and back newer by cursor, every row once, with a cursor only where rows remain', async () => {
    const first = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2 });
    if (first.kind !== 'rows') throw new Error(`expected rows, got ${first.kind}`);
    expect(first.rows.map((row) => row.message)).toEqual(['run B started', 'outbox tick']);
    expect(first).toMatchObject({ newerCursor: null, olderCursor: first.rows[1]?.id });

    const second = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2, cursor: { id: first.olderCursor!, direction: 'older' } });
    if (second.kind !== 'rows') throw new Error(`expected rows, got ${second.kind}`);
    expect(second.rows.map((row) => row.message)).toEqual(['run A failed: 1С timeout_50%', 'run A started']);
    expect(second).toMatchObject({ newerCursor: second.rows[0]?.id, olderCursor: second.rows[1]?.id });

    const last = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2, cursor: { id: second.olderCursor!, direction: 'older' } });
    if (last.kind !== 'rows') throw new Error(`expected rows, got ${last.kind}`);
    expect(last.rows.map((row) => row.message)).toEqual(['exactly at the start of the day']);
    expect(last).toMatchObject({ olderCursor: null, newerCursor: last.rows[0]?.id });

    const back = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2, cursor: { id: last.newerCursor!, direction: 'newer' } });
    expect(back).toEqual(second);
    const top = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2, cursor: { id: second.newerCursor!, direction: 'newer' } });
    expect(top).toEqual(first);
  });

  it('names a cursor that is no log row', async () => {
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, cursor: { id: '999999999', direction: 'older' } })).rejects.toThrow(UnknownCursorError);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, cursor: { id: 'abc', direction: 'newer' } })).rejects.toThrow('No log row with id abc');
  });

  it('breaks ties in created_at by id, newest insert first, numerically', async () => {
    const em = database.orm.em.fork();
    const sameInstant = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z'), limit: 20 };
    await em.execute(`insert into integration_logs (created_at, message) select ?::timestamptz, 'tie ' || n from generate_series(1, 12) n order by n`, [
      new Date('2026-01-01T10:00:00Z').toISOString(),
    ]);
    const expected = Array.from({ length: 12 }, (_, index) => `tie ${12 - index}`);
    await expect(messages(sameInstant)).resolves.toEqual(expected);
  });

  it('rejects a run id that is not a UUID by naming the field, before asking the database', async () => {
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, runId: 'nightly' })).rejects.toThrow(InvalidLogQueryError);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, requestId: 'abc' })).rejects.toThrow(/requestId/);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, limit: 0 })).rejects.toThrow(/limit/);
  });
});
