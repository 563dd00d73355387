import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { readRunDays } from './run-history-sql';

const UNTIL = new Date('2026-03-14T12:00:00Z');

describe('readRunDays', () => {
  const database = useTestOrm();
  const insertRun = (createdAt: string, units: number | null, durationSeconds: number | null) =>
    database.sessions.open().execute(
      `insert into replenishment_runs (id, trigger, status, counts, created_at, started_at, finished_at)
       values (?::uuid, 'schedule', ?, ?::jsonb, ?::timestamptz, ?::timestamptz, ?::timestamptz + ?::integer * interval '1 second')`,
      [
        randomUUID(),
        durationSeconds === null ? 'running' : 'succeeded',
        JSON.stringify(units === null ? {} : { unitsPlanned: units }),
        createdAt,
        createdAt,
        durationSeconds === null ? null : createdAt,
        durationSeconds ?? 0,
      ],
    );

  it('gives every day of the window, oldest first, with runs, units planned and mean duration, days cut in the zone given', async () => {
    await insertRun('2026-03-14T06:00:00Z', 100, 10);
    await insertRun('2026-03-14T07:00:00Z', 50, 20);
    await insertRun('2026-03-14T08:00:00Z', null, null); // still running: counted, not timed
    await insertRun('2026-03-12T22:30:00Z', 7, 4); // 01:30 on the 13th in Moscow
    await insertRun('2026-02-28T12:00:00Z', 999, 1); // before the window

    const moscow = await readRunDays(database.sessions.open(), { days: 14, until: UNTIL, timeZone: 'Europe/Moscow' });
    expect(moscow).toHaveLength(14);
    expect(moscow[0]).toEqual({ day: '2026-03-01', runs: 0, unitsPlanned: 0, averageDurationMs: null });
    expect(moscow.at(-2)).toEqual({ day: '2026-03-13', runs: 1, unitsPlanned: 7, averageDurationMs: 4000 });
    expect(moscow.at(-1)).toEqual({ day: '2026-03-14', runs: 3, unitsPlanned: 150, averageDurationMs: 15000 });

    const utc = await readRunDays(database.sessions.open(), { days: 14, until: UNTIL, timeZone: 'UTC' });
    expect(utc.find((day) => day.day === '2026-03-12')).toMatchObject({ runs: 1, unitsPlanned: 7 });
    expect(utc.find((day) => day.day === '2026-03-13')).toMatchObject({ runs: 0 });
  });
});
