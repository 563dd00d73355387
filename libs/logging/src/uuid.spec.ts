import { describe, expect, it } from 'vitest';
import { useTestOrm } from '@hub/testing';
import { readUuid } from './uuid';

const CANONICAL = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
const ACCEPTED = [
  CANONICAL,
  CANONICAL.toUpperCase(),
  `{${CANONICAL}}`,
  'a0eebc999c0b4ef8bb6d6bb9bd380a11',
  '{A0EEBC999C0B4EF8BB6D6BB9BD380A11}',
  'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
  'a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11',
];
const REJECTED = [
  ` ${CANONICAL}`,
  `${CANONICAL} `,
  `{${CANONICAL}`,
  `${CANONICAL}}`,
  `${CANONICAL}-`,
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
  'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111',
  'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
  'a0eebc9-99c0b-4ef8-bb6d-6bb9bd380a11',
  'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11',
  'run-2025-09-22-0900',
  'process_outbox_events_job',
];

describe('readUuid', () => {
  const database = useTestOrm();

  /** What PostgreSQL's own uuid input makes of `text`: its canonical form, or null when it refuses. */
  async function postgresReading(text: string): Promise<string | null> {
    try {
      const row = await database.orm.em.fork().execute<{ id: string }>('select ?::uuid::text as id', [text], 'get');
      return row.id;
    } catch {
      return null;
    }
  }

  it.each(ACCEPTED)('reads %s as PostgreSQL does, in canonical lowercase', async (text) => {
    expect(await postgresReading(text)).toBe(CANONICAL);
    expect(readUuid(text)).toEqual({ kind: 'uuid', value: CANONICAL });
  });

  it.each(REJECTED)('refuses %j as PostgreSQL does, keeping the original', async (text) => {
    expect(await postgresReading(text)).toBeNull();
    expect(readUuid(text)).toEqual({ kind: 'invalid', original: text });
  });

  it.each([null, undefined, '', '   ', 'None', 'NULL', 'null', 'none'])('reads %j as no id at all', (text) => {
    expect(readUuid(text)).toEqual({ kind: 'absent' });
  });
});
