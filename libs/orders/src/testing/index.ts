/** Test and benchmark helpers of the orders lib (`@hub/orders/testing`): specs, testing/ folders and tools only. */
export {
  seedOrder,
  seedOrders,
  readOrder,
  catalogFromOneC,
  eventNamesOf,
  DEMO_CATALOG,
  type OrderCatalog,
  type SeedOrdersOptions,
  type SeededOrder,
} from './seed-orders';
