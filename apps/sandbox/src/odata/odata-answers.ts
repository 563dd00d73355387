/**
 * 1С's answer shapes: data as `{ value: [...] }` (or one entity), errors as
 * `{"odata.error": {"code", "message": {"lang", "value"}}}` with the platform's internal codes
 * (the guide, hacker-cb/1c-odata docs/1c/markdown/17.4_-_Cтандартный_интерфейс_OData_8_3_27.md §17.4.10, lines 1101–1200).
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ODATA_CODES = {
  business: '-1',
  badFormat: '2',
  badValue: '4',
  missingValue: '5',
  badUrl: '6',
  entityTypeNotFound: '8',
  notFound: '9',
  propertyNotFound: '10',
  badQueryOption: '14',
  loadModeRefused: '17',
  accessDenied: '20',
} as const;

/** A refusal in 1С's shape; thrown anywhere in the stand-in, answered by its error handler. */
export class ODataRefusal extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ODataRefusal';
  }
}

export const odataErrorJson = (code: string, message: string) => ({ 'odata.error': { code, message: { lang: 'ru', value: message } } });
