import { blankAsUnset, readEnvConfig } from '@hub/runtime';
import { z } from 'zod';
import { MOYSKLAD_DEFAULT_TIMEOUT_MS, type MoySkladClientOptions } from './client';
import { MS_SKU_FIELDS, type MsSkuField } from './contract';
import { MOYSKLAD_DOCUMENTED_LIMITS } from './rate-limiter';

/**
 * Defaults that match apps/sandbox, so development works with no environment at all: the
 * sandbox seeds an organization (the supplier), a counterparty (our network) and a store
 * with exactly these ids, and accepts this token.
 */
export const MOYSKLAD_ENV_DEFAULTS = {
  MOYSKLAD_BASE_URL: 'http://127.0.0.1:8100',
  MOYSKLAD_TOKEN: 'hub-sandbox-moysklad-token',
  MOYSKLAD_ORGANIZATION_ID: 'a1f0c3d2-0b4e-11ef-8a84-bae500000001',
  MOYSKLAD_AGENT_ID: 'a1f0c3d2-0b4e-11ef-8a84-bae500000002',
  MOYSKLAD_STORE_ID: 'a1f0c3d2-0b4e-11ef-8a84-bae500000003',
  /**
   * md/_restrictions.md lines 40–45: 4 for a user's token (from 2026-12-01) and for a draft or
   * in-moderation solution's token (from 2026-04-13); 1 only for a published solution's token.
   * The client then charges the weight МойСклад's first answer states (X-RateLimit-Limit).
   */
  MOYSKLAD_TOKEN_WEIGHT: 4,
} as const;

/** The price type every МойСклад account starts with (md/dictionaries/_product.md line 580). */
export const MOYSKLAD_DEFAULT_PRICE_TYPE = 'Цена продажи';
/** MOYSKLAD_PRICE_TYPE's value for the purchase price instead of a sale price. */
export const MOYSKLAD_BUY_PRICE = 'buyPrice';

const positiveInt = (what: string, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: `must be a number of ${what}` })
      .int({ error: `must be a whole number of ${what}` })
      .positive({ error: `must be a positive number of ${what}` })
      .default(fallback),
  );
const id = (fallback: string) => z.preprocess(blankAsUnset, z.string().min(1).default(fallback));

const moySkladEnvSchema = z.object({
  MOYSKLAD_BASE_URL: z.preprocess(
    blankAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.moysklad.ru' }).default(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_BASE_URL),
  ),
  MOYSKLAD_PUBLIC_BASE_URL: z.preprocess(
    blankAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.moysklad.ru' }).optional(),
  ),
  MOYSKLAD_TOKEN: z.preprocess(blankAsUnset, z.string().min(1).default(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN)),
  MOYSKLAD_TIMEOUT_MS: positiveInt('milliseconds', MOYSKLAD_DEFAULT_TIMEOUT_MS),
  MOYSKLAD_ORGANIZATION_ID: id(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_ORGANIZATION_ID),
  MOYSKLAD_AGENT_ID: id(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_AGENT_ID),
  MOYSKLAD_STORE_ID: id(MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_STORE_ID),
  MOYSKLAD_TOKEN_WEIGHT: positiveInt('units', MOYSKLAD_ENV_DEFAULTS.MOYSKLAD_TOKEN_WEIGHT),
  MOYSKLAD_WINDOW_MS: positiveInt('milliseconds', MOYSKLAD_DOCUMENTED_LIMITS.windowMs),
  MOYSKLAD_WINDOW_UNITS: positiveInt('units', MOYSKLAD_DOCUMENTED_LIMITS.unitsPerWindow),
  MOYSKLAD_PARALLEL_LIMIT: positiveInt('requests', MOYSKLAD_DOCUMENTED_LIMITS.parallelPerUser),
  MOYSKLAD_PRICE_TYPE: z.preprocess(blankAsUnset, z.string().min(1).default(MOYSKLAD_DEFAULT_PRICE_TYPE)),
  MOYSKLAD_RESERVE: z.preprocess(
    blankAsUnset,
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default('false')
      .transform((value) => value === 'true'),
  ),
  MOYSKLAD_SKU_FIELD: z.preprocess(blankAsUnset, z.enum(MS_SKU_FIELDS, { error: `must be one of ${MS_SKU_FIELDS.join(', ')}` }).default('article')),
});

/** Which МойСклад entities the hub's customer orders name: our supplier's legal entity, us as its customer, its store. */
export interface MoySkladOrderParties {
  organizationId: string;
  agentId: string;
  storeId: string;
}

/** The limits the hub keeps to, across all its replicas together. */
export interface MoySkladLimits {
  windowMs: number;
  unitsPerWindow: number;
  parallel: number;
}

/** Where a position's price comes from: a sale price type of the product, by name, or its purchase price. */
export type MsPriceSource = { kind: 'salePrice'; priceType: string } | { kind: 'buyPrice' };

/** How the hub's orders map onto the supplier's catalogue. */
export interface MoySkladOrderSettings {
  /** The product field that holds the hub's SKU (MOYSKLAD_SKU_FIELD, default `article`). */
  skuField: MsSkuField;
  /** MOYSKLAD_PRICE_TYPE: a `salePrices` price type by name (default «Цена продажи»), or `buyPrice`. */
  price: MsPriceSource;
  /** MOYSKLAD_RESERVE: reserve each position's quantity in the supplier's store (default false). */
  reserve: boolean;
}

export interface MoySkladSettings {
  client: Omit<MoySkladClientOptions, 'rateLimiter' | 'fetch'>;
  parties: MoySkladOrderParties;
  limits: MoySkladLimits;
  ordering: MoySkladOrderSettings;
}

/**
 * МойСклад settings from MOYSKLAD_* (see README), the sandbox's values as defaults.
 * Throws ConfigError (@hub/runtime) naming the bad variable, never its value.
 */
export function moySkladSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MoySkladSettings {
  const s = readEnvConfig(moySkladEnvSchema, env);
  return {
    client: {
      baseUrl: s.MOYSKLAD_BASE_URL,
      ...(s.MOYSKLAD_PUBLIC_BASE_URL ? { publicBaseUrl: s.MOYSKLAD_PUBLIC_BASE_URL } : {}),
      token: s.MOYSKLAD_TOKEN,
      timeoutMs: s.MOYSKLAD_TIMEOUT_MS,
      tokenWeight: s.MOYSKLAD_TOKEN_WEIGHT,
      windowUnits: s.MOYSKLAD_WINDOW_UNITS,
    },
    parties: { organizationId: s.MOYSKLAD_ORGANIZATION_ID, agentId: s.MOYSKLAD_AGENT_ID, storeId: s.MOYSKLAD_STORE_ID },
    limits: { windowMs: s.MOYSKLAD_WINDOW_MS, unitsPerWindow: s.MOYSKLAD_WINDOW_UNITS, parallel: s.MOYSKLAD_PARALLEL_LIMIT },
    ordering: {
      skuField: s.MOYSKLAD_SKU_FIELD,
      price: s.MOYSKLAD_PRICE_TYPE === MOYSKLAD_BUY_PRICE ? { kind: 'buyPrice' } : { kind: 'salePrice', priceType: s.MOYSKLAD_PRICE_TYPE },
      reserve: s.MOYSKLAD_RESERVE,
    },
  };
}
