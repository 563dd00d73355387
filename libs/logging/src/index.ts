export { createStdoutLogger, SECRET_KEYS, type StdoutLogger } from './stdout-logger';
