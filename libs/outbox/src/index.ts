export * from './enqueue';
