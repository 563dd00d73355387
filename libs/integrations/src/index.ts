/*
 * The HTTP clients of the outside systems and their contracts, nothing else: 1С's HTTP
 * service (ours to define) or its standard OData interface (УТ 11), and МойСклад's JSON API 1.2 (as its documentation describes it).
 * No database: its production imports reach libs/runtime only (the lint keeps it so).
 */
export { EXTERNAL_ERROR_CODES, ExternalSystemError, type ExternalSystem, type ExternalSystemErrorDetails } from './errors';

export {
  ONE_C_API_PREFIX,
  ONE_C_IDEMPOTENCY_HEADER,
  ONE_C_OPEN_ORDERS_FILTER,
  ONE_C_TRANSFER_ORDER_STATUSES,
  ONE_C_CLOSED_TRANSFER_ORDER_STATUSES,
  oneCCreateTransferOrderSchema,
  type OneCCreateTransferOrder,
  type OneCReplenishmentSetting,
  type OneCStockItem,
  type OneCTransferOrder,
  type OneCTransferOrderStatus,
  type OneCClosedTransferOrderStatus,
  type OneCWarehouse,
} from './one-c/contract';
export { createOneCClient, type OneCClient, type OneCClientOptions } from './one-c/client';
export { oneCClientOptionsFromEnv, ONE_C_ENV_DEFAULTS } from './one-c/client-options';

export {
  MOYSKLAD_API_PREFIX,
  MOYSKLAD_MAX_ARRAY_ITEMS,
  MOYSKLAD_RATE_HEADERS,
  MOYSKLAD_ERROR_CODES,
  MS_SKU_FIELDS,
  msCreateCustomerOrderSchema,
  msPositionInputSchema,
  type MsErrorBody,
  type MsMeta,
  type MsPositionInput,
  type MsSkuField,
} from './moysklad/contract';
export {
  createMoySkladClient,
  type MoySkladClient,
  type MoySkladClientOptions,
  type MsCallOptions,
  type MsCustomerOrder,
  type MsNewCustomerOrder,
  type MsOrderPosition,
  type MsProduct,
  type MsProductId,
  type MsProductStock,
  type MsVariantId,
  type MsStore,
  type MsStoreStock,
} from './moysklad/client';
export {
  moySkladSettingsFromEnv,
  MOYSKLAD_BUY_PRICE,
  MOYSKLAD_DEFAULT_PRICE_TYPE,
  MOYSKLAD_ENV_DEFAULTS,
  type MsPriceSource,
  type MoySkladLimits,
  type MoySkladOrderParties,
  type MoySkladOrderSettings,
  type MoySkladSettings,
} from './moysklad/client-options';
export { MOYSKLAD_DOCUMENTED_LIMITS, moySkladRequestWeight, type MoySkladRateLimiter, type MsRatePermit, type MsRequestOutcome } from './moysklad/rate-limiter';

// The 1С port's two connectors (ONEC_CONNECTOR): the HTTP service above, or 1С's standard OData interface.
export { oneCConnectorFromEnv, type OneCConnector } from './one-c-connector';
export { createOneCODataConnector, type ODataConnectorOptions } from './one-c-odata/odata-connector';
export { oneCODataOptionsFromEnv } from './one-c-odata/odata-options';
export { requiredMetadata } from './one-c-odata/odata-names';
export { checkODataMetadata, ODataPublicationError } from './one-c-odata/metadata-check';
