import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Who may use the admin: viewers read everything; operators also start runs and retry events. */
export const ADMIN_ROLES = ['viewer', 'operator'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** An operator account of the admin; `passwordHash` is scrypt's, with its parameters and salt. */
export const AdminOperator = defineEntity({
  name: 'AdminOperator',
  tableName: 'admin_operators',
  properties: (p) => ({
    id: p.uuid().primary().columnType('uuid'),
    username: p.text().columnType('text').unique('admin_operators_username_unique'),
    role: p.string().$type<AdminRole>().columnType('text'),
    passwordHash: p.text().columnType('text'),
    disabledAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    updatedAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    lastSignInAt: p.datetime().columnType('timestamptz').nullable(),
  }),
});
export type AdminOperator = InferEntity<typeof AdminOperator>;

/** A signed-in browser: the sha256 of its cookie's token, and its last request (for the idle timeout). */
export const AdminSession = defineEntity({
  name: 'AdminSession',
  tableName: 'admin_sessions',
  properties: (p) => ({
    tokenHash: p.text().primary().columnType('text'),
    operator: p.manyToOne(AdminOperator).fieldName('operator_id').deleteRule('cascade').index('admin_sessions_operator_id_index'),
    createdAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
    lastSeenAt: p.datetime().columnType('timestamptz').defaultRaw('now()'),
  }),
});
export type AdminSession = InferEntity<typeof AdminSession>;
