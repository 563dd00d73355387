export {
  ConfigError,
  StartRefusal,
  blankAsUnset,
  hostSetting,
  millisecondsSetting,
  optionalPortSetting,
  optionalSetting,
  portSetting,
  readEnvConfig,
} from './env-config';
export { closeHttpServer, exitOnStartFailure, stopOnSignals, type CloseOptions, type ProcessLogger } from './process-lifecycle';
export { REDACTED, SECRET_KEYS, isSecretKey, redactText } from './redaction';
export { groupBy } from './group-by';
export { retryWithDoublingDelay, type DoublingDelay, type FailedAttempt, type RetryOptions, type RetryOutcome } from './retry';
export { seededRandom } from './seeded-random';
export { createMetricsRegistry, exposition, serveMetrics, type MetricsServer } from './metrics';
export { OPERATOR_HEADER, OPERATOR_NAME_PATTERN, OPERATOR_NAME_RULE } from './operator-name';
export { createStdoutLogger, type StdoutLogger } from './stdout-log/stdout-logger';
export { currentLogContext, withLogContext, LOG_CONTEXT_KEYS, type LogContext } from './stdout-log/correlation';
export { toJsonSafe, toStorableText, type JsonValue } from './stdout-log/json-safe';
