import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { AUDIT_ACTOR_ROLES } from '../../kernel/audit/audited-transaction.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * One administrator's action on a tenant, written in the action's own transaction (see
 * `auditedTransaction`). Append-only: the database refuses to change or remove an entry.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    occurredAt: p.datetime(),
    /** the procedure's path, e.g. `adminSavings.decideWithdrawal` (platform: `platform.updateSettings`) */
    action: p.string().length(200),
    actorRole: p.enum(AUDIT_ACTOR_ROLES),
    /** the tenant's account (admin) or the platform administrator; null for the platform CLI */
    actorId: p.integer().nullable(),
    /** who the actor was when they acted (their email and name then, not now) */
    actorEmail: p.string().length(254).nullable(),
    actorName: p.string().nullable(),
    subjectType: p.string().length(100).nullable(),
    subjectId: p.string().length(200).nullable(),
    input: p.json<unknown>().nullable(),
    before: p.json<unknown>().nullable(),
    after: p.json<unknown>().nullable(),
    requestId: p.string().length(200),
    ip: p.string().length(100),
  },
  indexes: [
    // the log newest first (keyset on occurred_at, id), and a date range of it
    { name: 'audit_entry_tenant_time_idx', properties: ['tenant', 'occurredAt', 'id'] },
    // one record's history
    { name: 'audit_entry_subject_idx', properties: ['tenant', 'subjectType', 'subjectId', 'occurredAt'] },
  ],
  triggers: [
    {
      name: 'audit_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'statement',
      body: `raise exception 'audit entries are never changed or removed'; return null;`,
    },
  ],
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
