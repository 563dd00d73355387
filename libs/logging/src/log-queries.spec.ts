import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@hub/db';
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
        property === 'execute'
          ? (sql: string, params: unknown[], method: 'all') =>
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
      `insert into integration_logs (created_at, level, message, source, run_id, request_id, job_name, step, elapsed_ms, payload, details)
       values (?::timestamptz, ?, ?, 'test', ?::uuid, ?::uuid, ?, ?, ?, ?::jsonb, ?::jsonb)`,
      [
        new Date(now.getTime() - hoursAgo * HOUR).toISOString(),
        fields['level'] ?? 'INFO',
        fields['message'],
        fields['runId'] ?? null,
        fields['requestId'] ?? null,
        fields['jobName'] ?? null,
        fields['step'] ?? null,
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
    await insertLog(em, 2, { message: 'run A failed', level: 'ERROR', runId: runA, details: { error: 'timeout', attempts: 3 } });
    await insertLog(em, 1, { message: 'outbox tick', jobName: 'process_outbox_events_job', elapsedMs: 42, payload: { delivered: 2 } });
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
      'run A failed',
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
    await expect(messages({ ...lastDay, level: 'ERROR' })).resolves.toEqual(['run A failed']);
    await expect(messages({ ...lastDay, jobName: 'process_outbox_events_job' })).resolves.toEqual(['outbox tick']);
    await expect(messages({ ...lastDay, runId: runB })).resolves.toEqual(['run B started']);
    await expect(messages({ ...lastDay, runId: runA, level: 'INFO' })).resolves.toEqual(['run A started']);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, runId: runB, level: 'ERROR' })).resolves.toEqual({ kind: 'empty' });
  });

  it('keeps the newest rows and says truncated when more than the limit match', async () => {
    const cut = await queryLogs(database.orm.em.fork(), { ...lastDay, limit: 2 });
    expect(cut).toMatchObject({ kind: 'rows', truncated: true });
    expect(cut.kind === 'rows' && cut.rows.map((row) => row.message)).toEqual(['run B started', 'outbox tick']);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, limit: 5 })).resolves.toMatchObject({ kind: 'rows', truncated: false });
  });

  it('breaks ties in created_at by id, newest insert first, numerically', async () => {
    const em = database.orm.em.fork();
    const sameInstant = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z'), limit: 20 };
    await em.execute(
      `insert into integration_logs (created_at, message) select ?::timestamptz, 'tie ' || n from generate_series(1, 12) n order by n`,
      [new Date('2026-01-01T10:00:00Z').toISOString()],
    );
    const expected = Array.from({ length: 12 }, (_, index) => `tie ${12 - index}`);
    await expect(messages(sameInstant)).resolves.toEqual(expected);
  });

  it('rejects a run id that is not a UUID by naming the field, before asking the database', async () => {
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, runId: 'nightly' })).rejects.toThrow(InvalidLogQueryError);
    await expect(queryLogs(database.orm.em.fork(), { ...lastDay, limit: 0 })).rejects.toThrow(/limit/);
  });
});
