import { blankAsUnset, millisecondsSetting, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { oneCClientOptionsFromEnv } from '../one-c/client-options';
import type { ODataConnectorOptions } from './odata-connector';
import { UT11_ODATA_NAMES, type ODataNames } from './odata-names';
import { isKnownTimeZone } from './odata-values';

/** The first request after the publication idled can take over 30 s (P4, «Запросы»): OData waits longer by default. */
export const ODATA_DEFAULT_TIMEOUT_MS = 60_000;

/** Defaults that match apps/sandbox's OData stand-in. */
export const ODATA_ENV_DEFAULTS = {
  ONEC_ODATA_PATH: '/ut11/odata/standard.odata',
  ONEC_TIMEZONE: 'Europe/Moscow',
  ONEC_ODATA_SKU_FIELD: 'Артикул',
  ONEC_ODATA_IDEMPOTENCY_FIELD: 'Комментарий',
  /** Организация_Key of the sandbox's one organization. */
  ONEC_ODATA_ORGANIZATION_KEY: '5f1d7a9e-1c00-4000-8000-000000000001',
  ONEC_ODATA_POST_TRANSFERS: 'true',
  ONEC_ODATA_PAGE_SIZE: 500,
} as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fieldName = (fallback: string) =>
  z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, { error: 'must be a field name such as Артикул' })
      .default(fallback),
  );

const namesOverride = z.preprocess(
  blankAsUnset,
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be a JSON object such as {"warehouses":"Catalog_МоиСклады"}' });
        return z.NEVER;
      }
    })
    .pipe(
      z.partialRecord(
        z.enum(Object.keys(UT11_ODATA_NAMES) as [keyof ODataNames], { error: `names one of ${Object.keys(UT11_ODATA_NAMES).join(', ')}` }),
        z.string().min(1),
      ),
    )
    .optional(),
);

const odataEnvSchema = z.object({
  ONEC_ODATA_PATH: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^\/\S*standard\.odata$/, { error: 'must be the path of the publication ending in /odata/standard.odata' })
      .default(ODATA_ENV_DEFAULTS.ONEC_ODATA_PATH),
  ),
  ONEC_TIMEOUT_MS: millisecondsSetting(ODATA_DEFAULT_TIMEOUT_MS, 1),
  ONEC_TIMEZONE: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine(isKnownTimeZone, { error: 'must be an IANA time zone such as Europe/Moscow (the 1С server’s clock)' })
      .default(ODATA_ENV_DEFAULTS.ONEC_TIMEZONE),
  ),
  ONEC_ODATA_SKU_FIELD: fieldName(ODATA_ENV_DEFAULTS.ONEC_ODATA_SKU_FIELD),
  ONEC_ODATA_IDEMPOTENCY_FIELD: fieldName(ODATA_ENV_DEFAULTS.ONEC_ODATA_IDEMPOTENCY_FIELD),
  ONEC_ODATA_ORGANIZATION_KEY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(GUID, { error: 'must be the Ref_Key (a GUID) of the organization in Catalog_Организации' })
      .default(ODATA_ENV_DEFAULTS.ONEC_ODATA_ORGANIZATION_KEY),
  ),
  ONEC_ODATA_POST_TRANSFERS: z.preprocess(
    blankAsUnset,
    z.enum(['true', 'false'], { error: 'must be true or false' }).default(ODATA_ENV_DEFAULTS.ONEC_ODATA_POST_TRANSFERS),
  ),
  ONEC_ODATA_PAGE_SIZE: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'must be a whole number from 1 to 5000' })
      .int({ error: 'must be a whole number from 1 to 5000' })
      .min(1, { error: 'must be a whole number from 1 to 5000' })
      .max(5000, { error: 'must be a whole number from 1 to 5000' })
      .default(ODATA_ENV_DEFAULTS.ONEC_ODATA_PAGE_SIZE),
  ),
  ONEC_ODATA_NAMES: namesOverride,
});

/** OData connector options from ONEC_* (see the README's configuration table). Throws ConfigError naming the variable. */
export function oneCODataOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ODataConnectorOptions {
  const login = oneCClientOptionsFromEnv({ ...env, ONEC_TIMEOUT_MS: undefined });
  const settings = readEnvConfig(odataEnvSchema, env);
  return {
    serviceUrl: login.baseUrl.replace(/\/+$/, '') + settings.ONEC_ODATA_PATH,
    username: login.username,
    password: login.password,
    timeoutMs: settings.ONEC_TIMEOUT_MS,
    names: { ...UT11_ODATA_NAMES, ...settings.ONEC_ODATA_NAMES },
    skuField: settings.ONEC_ODATA_SKU_FIELD,
    idempotencyField: settings.ONEC_ODATA_IDEMPOTENCY_FIELD,
    organizationKey: settings.ONEC_ODATA_ORGANIZATION_KEY,
    postTransfers: settings.ONEC_ODATA_POST_TRANSFERS === 'true',
    timeZone: settings.ONEC_TIMEZONE,
    pageSize: settings.ONEC_ODATA_PAGE_SIZE,
  };
}
