import { InvalidOutboxPayloadError, type ClaimedEvent } from '@hub/outbox';
import type { z } from 'zod';

/**
 * The event's payload as its kind's schema reads it. A payload the schema refuses is a
 * permanent failure naming every field at fault: no retry will make it valid.
 */
export function readPayload<T>(event: ClaimedEvent, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(event.payload);
  if (parsed.success) return parsed.data;
  const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new InvalidOutboxPayloadError(event.id, problem, { cause: parsed.error });
}
