export * from './errors';
export * from './http/retry-after';
export * from './one-c/contract';
export * from './one-c/client';
export * from './one-c/client-options';
export * from './moysklad/order-request';
