/**
 * Document_ПеремещениеТоваров as the stand-in keeps it: written by POST, posted by `…/Post`,
 * received or marked for deletion by someone in 1С (the control endpoints). As strict as the
 * platform, stricter where a fake is usually softer: unknown fields, references to nothing, and
 * the Товары LineNumber rules (missing → 500, not 1..n → 400) are refused.
 */
import { randomUUID } from 'node:crypto';
import { ODATA_CODES, ODataRefusal } from './odata-answers';
import type { Row } from './odata-query';
import { SANDBOX_ORGANIZATION_KEY } from './ut11-tables';
import { UT11_SHAPES } from './ut11-shapes';

export interface TransferDocument extends Row {
  Ref_Key: string;
  Number: string;
  Posted: boolean;
  DeletionMark: boolean;
  Статус: string;
  Комментарий: string;
  Товары: Row[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const refused = (status: 400 | 404 | 500, code: string, message: string) => new ODataRefusal(status, code, message);

/** What the book needs to check references against. */
export interface ReferenceCheck {
  warehouse(id: string): boolean;
  product(id: string): boolean;
}

function checkLines(lines: unknown, refs: ReferenceCheck): Row[] {
  if (!Array.isArray(lines) || lines.length === 0) throw refused(400, ODATA_CODES.missingValue, 'Не заполнена табличная часть "Товары"');
  return lines.map((line: Row, index) => {
    for (const field of Object.keys(line)) {
      if (!UT11_SHAPES.transferLines.fields.has(field)) throw refused(400, ODATA_CODES.propertyNotFound, `Товары: свойство ${field} не найдено`);
    }
    // A real 1С fails the whole write without LineNumber (500), and refuses numbering not 1..n (400).
    if (line['LineNumber'] === undefined) throw refused(500, ODATA_CODES.business, 'Товары: не задан номер строки (LineNumber)');
    const number = Number(line['LineNumber']);
    if (!Number.isInteger(number) || number !== index + 1) {
      throw refused(400, ODATA_CODES.badValue, `Товары: номер строки ${String(line['LineNumber'])} вместо ${index + 1}: строки нумеруются с 1 подряд`);
    }
    const product = String(line['Номенклатура_Key'] ?? '');
    if (!refs.product(product)) throw refused(400, ODATA_CODES.badValue, `Товары, строка ${number}: нет номенклатуры с ключом ${product}`);
    const quantity = Number(line['Количество']);
    if (!(quantity > 0)) throw refused(400, ODATA_CODES.badValue, `Товары, строка ${number}: количество должно быть больше нуля`);
    return { ...line, LineNumber: String(number), Количество: quantity, КоличествоУпаковок: Number(line['КоличествоУпаковок'] ?? quantity) };
  });
}

export class TransferDocumentBook {
  readonly documents: TransferDocument[] = [];
  /** How many times each document was posted: none must be posted, or created, twice. */
  readonly postings = new Map<string, number>();
  /** Postings still to refuse as 1С does when stock is short (set through the control endpoint). */
  refusePostings = 0;

  create(body: unknown, refs: ReferenceCheck): TransferDocument {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw refused(400, ODATA_CODES.badFormat, 'Неверный формат запроса: ожидается объект JSON');
    const row = body as Row;
    for (const field of Object.keys(row)) {
      if (!UT11_SHAPES.transfers.fields.has(field) || ['Ref_Key', 'Number', 'Posted', 'DataVersion'].includes(field)) {
        throw refused(400, ODATA_CODES.propertyNotFound, `Свойство ${field} не найдено или не записывается`);
      }
    }
    if (row['Организация_Key'] !== SANDBOX_ORGANIZATION_KEY)
      throw refused(400, ODATA_CODES.badValue, `Организация_Key: нет организации с ключом ${String(row['Организация_Key'])}`);
    for (const field of ['СкладОтправитель_Key', 'СкладПолучатель_Key']) {
      const id = String(row[field] ?? '');
      if (!GUID.test(id) || !refs.warehouse(id)) throw refused(400, ODATA_CODES.badValue, `${field}: нет склада с ключом ${id}`);
    }
    if (row['Date'] !== undefined && !LOCAL_DATE.test(String(row['Date'])))
      throw refused(400, ODATA_CODES.badValue, `Date: ${String(row['Date'])} — ожидается yyyy-mm-ddThh:mm:ss без зоны`);
    const document: TransferDocument = {
      Date: '0001-01-01T00:00:00',
      Статус: 'Отгружено',
      ХозяйственнаяОперация: 'ПеремещениеТоваров',
      Комментарий: '',
      Ответственный_Key: '00000000-0000-0000-0000-000000000000',
      ...row,
      Ref_Key: randomUUID(),
      DataVersion: 'AAAAAQAAAAA=',
      DeletionMark: false,
      Number: `ТД00-${String(this.documents.length + 1).padStart(6, '0')}`,
      Posted: false,
      Товары: checkLines(row['Товары'], refs),
    };
    this.documents.push(document);
    return document;
  }

  find(id: string): TransferDocument {
    const document = this.documents.find((d) => d.Ref_Key === id.toLowerCase());
    if (!document) throw refused(404, ODATA_CODES.notFound, 'Экземпляр сущности "ПеремещениеТоваров" не найден по переданному ключу.');
    return document;
  }

  /** `…/Post`: 1С's own checks refuse with 500 and code -1 (a business error). */
  post(id: string): TransferDocument {
    const document = this.find(id);
    if (document.DeletionMark) throw refused(500, ODATA_CODES.business, `Документ ${document.Number} помечен на удаление и не может быть проведен`);
    if (document['СкладОтправитель_Key'] === document['СкладПолучатель_Key'])
      throw refused(500, ODATA_CODES.business, 'Склад-отправитель совпадает со складом-получателем');
    if (this.refusePostings > 0) {
      this.refusePostings -= 1;
      throw refused(500, ODATA_CODES.business, `Не удалось провести "${document.Number}": недостаточно товаров на складе-отправителе`);
    }
    document.Posted = true;
    this.postings.set(document.Ref_Key, (this.postings.get(document.Ref_Key) ?? 0) + 1);
    return document;
  }
}
