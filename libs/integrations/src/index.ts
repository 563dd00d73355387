export * from './one-c/contract';
