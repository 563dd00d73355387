import { describe, expect, it } from 'vitest';
import { entities } from '@hub/db';
import { ORDER_EVENT_TYPES, ORDER_KINDS } from './kinds';
import { ORDER_OUTBOX_HOOKS } from './outbox-hooks';

describe('the list of order kinds', () => {
  it('names each event type, aggregate type and table once', () => {
    for (const key of ['eventType', 'aggregateType', 'table'] as const) {
      const names = ORDER_KINDS.map((kind) => kind[key]);
      expect(new Set(names).size, key).toBe(names.length);
    }
    expect(ORDER_EVENT_TYPES).toEqual(ORDER_KINDS.map((kind) => kind.eventType));
  });

  it('gives every kind a table of the entity registry, and outbox hooks under its aggregate type', () => {
    const tables = entities.map((entity) => entity.meta.tableName);
    for (const kind of ORDER_KINDS) {
      expect(tables).toContain(kind.table);
      expect(Object.keys(ORDER_OUTBOX_HOOKS[kind.aggregateType] ?? {}).sort()).toEqual(['dead', 'delivered', 'retried']);
    }
  });

  it('delivers an outside order only where МойСклад is configured', () => {
    const oneC = { createTransferOrder: () => Promise.reject(new Error('not called')) };
    const handlers = ORDER_KINDS.map((kind) => [kind.eventType, typeof kind.createHandler({ oneC })]);
    expect(Object.fromEntries(handlers)).toEqual({ CREATE_1C_TRANSFER_ORDER: 'function', CREATE_MS_CUSTOMER_ORDER: 'undefined' });
  });
});
