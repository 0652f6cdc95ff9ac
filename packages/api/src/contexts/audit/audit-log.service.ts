import { DomainError, fieldError } from '@komisi/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { AuditActorRole, AuditRecord, AuditTrail } from '../../kernel/audit/audited-transaction.ts';
import type { AuditSubject } from '../../kernel/audit/recorder.ts';
import type { Scope } from '../../kernel/scope.ts';
import { AuditEntry } from './audit-entry.entity.ts';

/** What a tenant's audit log can be narrowed to; the dates are a half-open range [from, until). */
export interface AuditFilter {
  action?: string | undefined;
  actorId?: number | undefined;
  actorRole?: AuditActorRole | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
}

export interface AuditEntryView {
  id: number;
  occurredAt: Date;
  action: string;
  actor: { role: AuditActorRole; id: number | null; email: string | null; name: string | null };
  subject: AuditSubject | null;
  input: unknown;
  before: unknown;
  after: unknown;
  requestId: string;
  ip: string;
}

/** The most entries one page of the log holds. */
export const MAX_AUDIT_PAGE = 100;

/**
 * The actor's email and name as they are now, read in the INSERT itself (no round trip of its own):
 * one statement that reads identity's or the platform's table, each by its primary key.
 */
const ACTOR_OF: Record<
  AuditActorRole,
  { sql: string; params: (tenantId: number, id: number | null) => unknown[] }
> = {
  admin: {
    sql: 'select email, name from account where tenant_id = ? and id = ?',
    params: (tenantId, id) => [tenantId, id],
  },
  'platform-admin': {
    sql: 'select email, null::text as name from platform_admin where id = ?',
    params: (_, id) => [id],
  },
  'platform-cli': { sql: 'select null::text as email, null::text as name', params: () => [] },
};

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * A tenant's audit log: every administrator's action, appended in the action's transaction
 * (`AuditTrail`), listed newest first for the tenant's administrators.
 */
export class AuditLog implements AuditTrail {
  async append(tx: Scope, record: AuditRecord): Promise<void> {
    const actor = ACTOR_OF[record.actor.role];
    await tx.em.execute(
      `insert into audit_entry (tenant_id, occurred_at, action, actor_role, actor_id, actor_email, actor_name,
         subject_type, subject_id, input, before, after, request_id, ip)
       select ?, ?, ?, ?, ?, who.email, who.name, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?
         from (select 1) as one left join (${actor.sql}) as who on true`,
      [
        tx.tenant.id,
        record.occurredAt,
        record.action.slice(0, 200),
        record.actor.role,
        record.actor.id,
        record.subject?.type.slice(0, 100) ?? null,
        record.subject?.id.slice(0, 200) ?? null,
        json(record.input),
        json(record.before),
        json(record.after),
        record.requestId.slice(0, 200),
        record.ip.slice(0, 100),
        ...actor.params(tx.tenant.id, record.actor.id),
      ],
    );
  }

  /** One page, newest first; `cursor` is the `nextCursor` of the page before. */
  async list(
    scope: Scope,
    filter: AuditFilter,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(1, page.limit), MAX_AUDIT_PAGE);
    const where: FilterQuery<AuditEntry>[] = [];
    if (filter.action !== undefined) where.push({ action: filter.action });
    if (filter.actorId !== undefined) where.push({ actorId: filter.actorId });
    if (filter.actorRole !== undefined) where.push({ actorRole: filter.actorRole });
    if (filter.subjectType !== undefined) where.push({ subjectType: filter.subjectType });
    if (filter.subjectId !== undefined) where.push({ subjectId: filter.subjectId });
    if (filter.from) where.push({ occurredAt: { $gte: filter.from } });
    if (filter.until) where.push({ occurredAt: { $lt: filter.until } });
    if (page.cursor !== undefined) {
      const after = decodeCursor(page.cursor);
      where.push({
        $or: [{ occurredAt: { $lt: after.at } }, { occurredAt: after.at, id: { $lt: after.id } }],
      });
    }
    const rows = await scope.em.find(AuditEntry, where.length > 0 ? { $and: where } : {}, {
      orderBy: { occurredAt: 'desc', id: 'desc' },
      limit: limit + 1,
    });
    const entries = rows.slice(0, limit).map(viewOf);
    const last = entries.at(-1);
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  /** 404 for an entry of another tenant as for none. */
  async get(scope: Scope, id: number): Promise<AuditEntryView> {
    const row = await scope.em.findOne(AuditEntry, { id });
    if (!row) throw new DomainError('NOT_FOUND', 'Audit entry not found');
    return viewOf(row);
  }
}

function viewOf(row: AuditEntry): AuditEntryView {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    action: row.action,
    actor: {
      role: row.actorRole,
      id: row.actorId ?? null,
      email: row.actorEmail ?? null,
      name: row.actorName ?? null,
    },
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    input: row.input ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}

/** Where the next page starts: the last entry's time and id, opaque to clients. */
function encodeCursor(entry: Pick<AuditEntryView, 'occurredAt' | 'id'>): string {
  return Buffer.from(`${entry.occurredAt.getTime()}.${entry.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: number } {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  const at = new Date(Number(match?.[1]));
  const id = Number(match?.[2]);
  if (!match || Number.isNaN(at.getTime()) || !Number.isSafeInteger(id)) {
    throw fieldError('cursor', 'is not a cursor this list gave');
  }
  return { at, id };
}
