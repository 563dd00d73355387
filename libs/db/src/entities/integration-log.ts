import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Severity of an `integration_logs` row, as the legacy Python release wrote it. */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The audit trail. Column types are spelled out so the schema diff against the
 * migrations is empty and no build step depends on decorator metadata.
 */
export const IntegrationLog = defineEntity({
  name: 'IntegrationLog',
  tableName: 'integration_logs',
  properties: (p) => ({
    id: p.bigint('string').primary().columnType('bigint').generated('by default as identity'),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    level: p.string().$type<LogLevel>().columnType('varchar(16)').default('INFO'),
    message: p.text().columnType('text'),
    source: p.string().columnType('varchar(64)').nullable(),
    runId: p.uuid().columnType('uuid').nullable(),
    requestId: p.uuid().columnType('uuid').nullable(),
    jobId: p.uuid().columnType('uuid').nullable().index('ix_integration_logs_job_id'),
    jobName: p.text().columnType('text').nullable(),
    step: p.string().columnType('varchar(128)').nullable(),
    status: p.string().columnType('varchar(32)').nullable(),
    externalSystem: p.string().columnType('varchar(32)').nullable(),
    elapsedMs: p.integer().columnType('integer').nullable(),
    payload: p.json<unknown>().columnType('jsonb').nullable(),
    details: p.json<unknown>().columnType('jsonb').nullable(),
  }),
  indexes: [
    // Keyset order (created_at, id): a page deep in a period starts where its cursor row is.
    { name: 'ix_integration_logs_created_at', properties: ['createdAt', 'id'] },
    // An id filter within a period, newest first, reads only its own newest rows.
    { name: 'ix_integration_logs_run_id', properties: ['runId', 'createdAt'] },
    { name: 'ix_integration_logs_request_id', properties: ['requestId', 'createdAt'] },
    { name: 'ix_integration_logs_job_name', properties: ['jobName', 'createdAt'] },
    // The admin's logs explorer: a filter within a period, and text anywhere in the message.
    { name: 'ix_integration_logs_step', properties: ['step', 'createdAt'] },
    { name: 'ix_integration_logs_status', properties: ['status', 'createdAt'] },
    { name: 'ix_integration_logs_external_system', properties: ['externalSystem', 'createdAt'] },
    {
      name: 'ix_integration_logs_message_trgm',
      expression: 'create index ix_integration_logs_message_trgm on integration_logs using gin (message gin_trgm_ops)',
    },
  ],
});
export type IntegrationLog = InferEntity<typeof IntegrationLog>;
