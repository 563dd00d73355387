export * from './env-config';
export * from './process-lifecycle';
