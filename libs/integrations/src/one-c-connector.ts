import { blankAsUnset, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { createOneCClient, type OneCClient } from './one-c/client';
import { oneCClientOptionsFromEnv } from './one-c/client-options';
import { createOneCODataConnector } from './one-c-odata/odata-connector';
import { oneCODataOptionsFromEnv } from './one-c-odata/odata-options';
import { awaitODataPublication } from './one-c-odata/metadata-check';
import { requiredMetadata } from './one-c-odata/odata-names';

/** How the hub reaches 1С: our own HTTP service (code in 1С), or the standard OData interface (none). */
export const ONE_C_CONNECTORS = ['http-service', 'odata'] as const;
export type OneCConnectorKind = (typeof ONE_C_CONNECTORS)[number];

/** The port (one interface, {@link OneCClient}) with what it needs checked before the app starts. */
export interface OneCConnector {
  kind: OneCConnectorKind;
  client: OneCClient;
  /**
   * Resolves when 1С publishes everything this connector uses; throws one message naming what is
   * missing. Waits up to 30 s for a 1С that cannot be reached yet (the stack starting together).
   */
  checkPublication(): Promise<void>;
}

const connectorSchema = z.object({
  ONEC_CONNECTOR: z.preprocess(
    blankAsUnset,
    z.enum(ONE_C_CONNECTORS, { error: 'must be http-service (our HTTP service inside 1С) or odata (1С’s standard OData interface)' }).default('http-service'),
  ),
});

/** The 1С connector ONEC_CONNECTOR names, with its settings; throws ConfigError naming a bad variable. */
export function oneCConnectorFromEnv(env: NodeJS.ProcessEnv = process.env): OneCConnector {
  const { ONEC_CONNECTOR: kind } = readEnvConfig(connectorSchema, env);
  if (kind === 'http-service') {
    return { kind, client: createOneCClient(oneCClientOptionsFromEnv(env)), checkPublication: async () => undefined };
  }
  const options = oneCODataOptionsFromEnv(env);
  return {
    kind,
    client: createOneCODataConnector(options),
    checkPublication: () => awaitODataPublication(options, requiredMetadata(options.names, options.skuField, options.idempotencyField)),
  };
}
