import { createRoute, z } from '@hono/zod-openapi';
import { BEARER_SECURITY, jsonAnswer, uuid } from './common';
import { errorResponses, GUARDED_ERRORS } from './errors';

/** The own warehouses, mirrored from 1С by every run: `id` is what `warehouse_id` takes. */
export const warehouseListSchema = z.object({ items: z.array(z.object({ id: uuid, code: z.string(), name: z.string() })) }).openapi('WarehouseList');

export const listWarehousesRoute = createRoute({
  method: 'get',
  path: '/api/v1/warehouses',
  tags: ['catalogue'],
  summary: 'The own warehouses, by code',
  security: BEARER_SECURITY,
  responses: {
    200: jsonAnswer('Every warehouse the hub knows', warehouseListSchema),
    ...errorResponses(GUARDED_ERRORS),
  },
});

export type WarehouseListAnswer = z.input<typeof warehouseListSchema>;
