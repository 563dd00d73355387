import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * A request budget shared by all replicas (e.g. МойСклад's). Its row is locked while a
 * request is granted, so grants never race; `blocked_until` stops everyone after the other
 * side answered 429 with a retry interval.
 */
export const RateLimitBucket = defineEntity({
  name: 'RateLimitBucket',
  tableName: 'rate_limit_buckets',
  properties: (p) => ({
    name: p.text().primary().columnType('text'),
    blockedUntil: p.datetime().columnType('timestamptz').nullable(),
    /** 429 answers counted since `refusalsSince`; past a threshold every replica cools down until `coolingUntil`. */
    refusals: p.integer().columnType('integer').default(0),
    refusalsSince: p.datetime().columnType('timestamptz').nullable(),
    coolingUntil: p.datetime().columnType('timestamptz').nullable(),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
});
export type RateLimitBucket = InferEntity<typeof RateLimitBucket>;

/** One granted request: its cost in units and, while it runs, the lease on its parallel slot. */
export const RateLimitPermit = defineEntity({
  name: 'RateLimitPermit',
  tableName: 'rate_limit_permits',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    bucket: p.text().columnType('text'),
    units: p.integer().columnType('integer'),
    grantedAt: p.datetime().columnType('timestamptz'),
    leaseExpiresAt: p.datetime().columnType('timestamptz').nullable(),
  }),
  indexes: [{ name: 'rate_limit_permits_bucket_granted_index', properties: ['bucket', 'grantedAt'] }],
});
export type RateLimitPermit = InferEntity<typeof RateLimitPermit>;
