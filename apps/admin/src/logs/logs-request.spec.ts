import { describe, expect, it } from 'vitest';
import { ru } from '../i18n/ru';
import { LOGS_PAGE_SIZE, parseLogsRequest, readLogsForm } from './logs-request';

// Outside a request the problems are in the default language, Russian.
const { validation } = ru;

const NOW = new Date('2026-03-02T12:00:00Z');
const parse = (params: Record<string, string>) => parseLogsRequest(readLogsForm(params), NOW);

describe('parseLogsRequest', () => {
  it('shows the last 24 hours when nothing is chosen, and treats empty form fields as absent', () => {
    expect(parse({ period: '', from: '', to: '', level: '', job_name: '', run_id: '' })).toEqual({
      kind: 'valid',
      query: {
        from: new Date('2026-03-01T12:00:00Z'),
        to: NOW,
        level: undefined,
        jobName: undefined,
        runId: undefined,
        requestId: undefined,
        externalSystem: undefined,
        step: undefined,
        status: undefined,
        text: undefined,
        cursor: undefined,
        limit: LOGS_PAGE_SIZE,
      },
      period: { kind: 'preset', period: '24h', from: new Date('2026-03-01T12:00:00Z'), to: NOW },
    });
  });

  it('ends a preset period now and ignores from/to left in the form', () => {
    const request = parse({ period: '7d', from: '2020-01-01T00:00', to: '2020-01-02T00:00' });
    expect(request).toMatchObject({ kind: 'valid', query: { from: new Date('2026-02-23T12:00:00Z'), to: NOW } });
  });

  it('reads from/to as UTC, with or without seconds', () => {
    expect(parse({ from: '2026-03-01T09:30', to: '2026-03-01T10:00:15.5' })).toMatchObject({
      kind: 'valid',
      period: { kind: 'custom', from: new Date('2026-03-01T09:30:00Z'), to: new Date('2026-03-01T10:00:15.500Z') },
    });
  });

  it('names each missing bound of a custom period', () => {
    expect(parse({ period: 'custom' })).toEqual({
      kind: 'invalid',
      problems: [validation.fromRequired, validation.toRequired],
    });
    expect(parse({ from: '2026-03-01T09:30' })).toEqual({ kind: 'invalid', problems: [validation.toRequired] });
  });

  it('trims the text filters and rejects an unknown level by naming the choices', () => {
    expect(parse({ job_name: '  process_outbox_events_job ', run_id: ' 0B7E6F0E-2F1C-4C33-9A55-3F6C2F3B9D10 ' })).toMatchObject({
      query: { jobName: 'process_outbox_events_job', runId: '0B7E6F0E-2F1C-4C33-9A55-3F6C2F3B9D10' },
    });
    expect(
      parse({ request_id: ' 0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10', external_system: '1C ', step: 'plan', status: 'failed', text: ' тайм-аут ' }),
    ).toMatchObject({
      query: { requestId: '0b7e6f0e-2f1c-4c33-9a55-3f6c2f3b9d10', externalSystem: '1C', step: 'plan', status: 'failed', text: 'тайм-аут' },
    });
    expect(parse({ request_id: 'req-1' })).toEqual({ kind: 'invalid', problems: [validation.uuid('request_id')] });
    expect(parse({ level: 'verbose' })).toEqual({
      kind: 'invalid',
      problems: [validation.oneOf('level', 'DEBUG, INFO, WARNING, ERROR, CRITICAL')],
    });
  });

  it('pages older or newer from a row id, one way at a time', () => {
    expect(parse({ older: '42' })).toMatchObject({ kind: 'valid', query: { cursor: { id: '42', direction: 'older' } } });
    expect(parse({ newer: '7' })).toMatchObject({ kind: 'valid', query: { cursor: { id: '7', direction: 'newer' } } });
    expect(parse({ older: '42', newer: '7' })).toEqual({ kind: 'invalid', problems: [validation.olderAndNewer] });
    expect(parse({ older: '4x' })).toEqual({ kind: 'invalid', problems: [validation.rowId('older', 'Старше')] });
  });
});
