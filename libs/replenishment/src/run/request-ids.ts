import { z } from 'zod';
import { InvalidRunRequestError } from './errors';

const uuid = z.uuid();

/** A run request's optional id, lower-cased; InvalidRunRequestError naming `field` when it is not a UUID. */
export function optionalUuid(field: 'requestId' | 'warehouseId', value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!uuid.safeParse(value).success) throw new InvalidRunRequestError(field, `${field} must be a UUID`);
  return value.toLowerCase();
}
