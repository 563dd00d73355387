import { describe, expect, it } from 'vitest';
import { useLoggerTestBed } from './testing/logger-test-bed';

class PlannerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PlannerError';
  }
}

const circular: Record<string, unknown> = { name: 'root' };
circular['self'] = circular;
circular['children'] = [{ parent: circular }];
const shared = { sku: 'A-1' };

/** [what, payload logged, payload read back from jsonb] */
const CASES: [string, unknown, unknown][] = [
  ['Date → ISO string', { at: new Date('2025-09-22T06:00:00.000Z') }, { at: '2025-09-22T06:00:00.000Z' }],
  ['invalid Date', { at: new Date('nope') }, { at: 'Invalid Date' }],
  ['BigInt → decimal string', { big: 2n ** 70n }, { big: '1180591620717411303424' }],
  [
    'Map → object',
    {
      stock: new Map<unknown, unknown>([
        ['A-1', 6],
        [7, { qty: 1n }],
      ]),
    },
    { stock: { 'A-1': 6, '7': { qty: '1' } } },
  ],
  ['Set → array', { skus: new Set(['A-1', 'B-2']) }, { skus: ['A-1', 'B-2'] }],
  ['Buffer → base64', { body: Buffer.from('привет') }, { body: Buffer.from('привет').toString('base64') }],
  ['Uint8Array → base64', { bytes: new Uint8Array([0, 1, 255]) }, { bytes: 'AAH/' }],
  ['other typed arrays → numbers', { floats: new Float64Array([1.5, 2]) }, { floats: [1.5, 2] }],
  ['NaN and infinities → strings', { a: NaN, b: Infinity, c: -Infinity, d: 1.25 }, { a: 'NaN', b: 'Infinity', c: '-Infinity', d: 1.25 }],
  ['undefined, functions, symbols dropped from objects', { a: undefined, f: () => 1, s: Symbol('x'), kept: true }, { kept: true }],
  ['… and null inside arrays', [undefined, () => 1, Symbol('x'), 'kept'], [null, null, null, 'kept']],
  ['circular references', circular, { name: 'root', self: '[Circular]', children: [{ parent: '[Circular]' }] }],
  ['a shared (not circular) object appears twice', { a: shared, b: shared }, { a: { sku: 'A-1' }, b: { sku: 'A-1' } }],
  ['\\u0000 in strings and keys', { 'k\u0000ey': 'a\u0000b', list: ['\u0000'] }, { 'k\uFFFDey': 'a\uFFFDb', list: ['\uFFFD'] }],
  ['lone surrogates', { high: 'x\uD800y', low: '\uDC00', pair: '😀' }, { high: 'x\uFFFDy', low: '\uFFFD', pair: '😀' }],
  ['toJSON is honoured', { url: new URL('https://api.moysklad.ru/api/remap/1.2/store') }, { url: 'https://api.moysklad.ru/api/remap/1.2/store' }],
  [
    'a throwing getter spoils only its object',
    {
      ok: 1,
      bad: {
        get boom() {
          throw new Error('no access');
        },
      },
    },
    { ok: 1, bad: '[Unserializable: no access]' },
  ],
  ['top-level NaN', NaN, 'NaN'],
  ['top-level string', 'just text', 'just text'],
];

describe('LoggerService JSON safety', () => {
  const bed = useLoggerTestBed('json-test');

  it.each(CASES)('%s round-trips through jsonb', async (_what, logged, expected) => {
    await bed.logger.info('payload', { payload: logged, details: logged });
    const row = await bed.onlyRow();
    expect(row.payload).toEqual(expected);
    expect(row.details).toEqual(expected);
  });

  it('stores an Error with its code and its cause chain', async () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8081'), { code: 'ECONNREFUSED' });
    const error = new PlannerError('stock fetch failed', { cause: root });
    await bed.logger.error('failed', { details: { error } });
    const [row] = await bed.rows();
    expect(row!.details).toEqual({
      error: {
        name: 'PlannerError',
        message: 'stock fetch failed',
        stack: error.stack,
        cause: { name: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:8081', stack: root.stack, code: 'ECONNREFUSED' },
      },
    });
  });

  it('stores the errors inside an AggregateError', async () => {
    const error = new AggregateError([new Error('first'), new Error('second')], 'both failed');
    await bed.logger.error('failed', { details: error });
    const [row] = await bed.rows();
    expect(row!.details).toMatchObject({ name: 'AggregateError', errors: [{ message: 'first' }, { message: 'second' }] });
  });

  it.each([undefined, null, () => 1])('stores payload %s as SQL NULL', async (logged) => {
    await bed.logger.info('nothing', { payload: logged });
    const sql = 'select payload is null as is_null from integration_logs';
    const [row] = await bed.orm.em.fork().execute<{ is_null: boolean }[]>(sql);
    expect(row!.is_null).toBe(true);
  });

  it('replaces \\u0000 and lone surrogates in the message and text columns, which PostgreSQL rejects too', async () => {
    await bed.logger.info('a\u0000b\uD800', { step: 'st\u0000ep', status: 'o\u0000k', jobName: 'job\u0000' });
    const [row] = await bed.rows();
    const stored = [row!.message, row!.step, row!.status, row!.job_name];
    expect(stored).toEqual(['a\uFFFDb\uFFFD', 'st\uFFFDep', 'o\uFFFDk', 'job\uFFFD']);
  });
});
