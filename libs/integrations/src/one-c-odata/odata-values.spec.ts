import { describe, expect, it } from 'vitest';
import { collectionOf, transferRow } from './odata-rows';
import { UT11_ODATA_NAMES } from './odata-names';
import { dateTimeLiteral, int64, localDateTime } from './odata-values';

describe('1С OData values', () => {
  it('reads Int64 written as strings (LineNumber, odata.count) and refuses what is not a whole number', () => {
    expect(int64.parse('1103')).toBe(1103);
    expect(int64.parse(7)).toBe(7);
    expect(int64.safeParse('1.5').success).toBe(false);
    const document = {
      Ref_Key: 'd1',
      Number: 'ПМ-1',
      Posted: true,
      DeletionMark: false,
      СкладОтправитель_Key: 'a',
      СкладПолучатель_Key: 'b',
      Статус: 'Отгружено',
      Комментарий: '',
      Товары: [
        { LineNumber: '2', Номенклатура_Key: 'p2', Количество: 4 },
        { LineNumber: '1', Номенклатура_Key: 'p1', Количество: '6' },
      ],
    };
    const parsed = collectionOf(transferRow(UT11_ODATA_NAMES, 'Комментарий')).parse({ 'odata.count': '1', value: [document] });
    expect(parsed.value[0]!.lines).toEqual([
      { productId: 'p1', quantity: 6 },
      { productId: 'p2', quantity: 4 },
    ]);
  });

  it('names the field a row fails on', () => {
    const parsed = transferRow(UT11_ODATA_NAMES, 'Комментарий').safeParse({ Ref_Key: 'd1', Posted: 'yes' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['Posted']);
  });

  it('writes dates as the server’s local time in ONEC_TIMEZONE, without a zone', () => {
    const instant = new Date('2026-12-03T06:00:00Z');
    expect(localDateTime(instant, 'Europe/Moscow')).toBe('2026-12-03T09:00:00');
    expect(dateTimeLiteral(instant, 'Asia/Novosibirsk')).toBe("datetime'2026-12-03T13:00:00'");
    // A zone with summer time: the offset of that day, not of today.
    expect(localDateTime(new Date('2026-07-01T10:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T12:00:00');
    expect(localDateTime(new Date('2026-01-01T11:00:00Z'), 'Europe/Berlin')).toBe('2026-01-01T12:00:00');
  });
});
