import { fieldError } from '@komisi/domain';
import type { AuditEntryView } from '../../contexts/audit/audit-log.service.ts';
import { adminProcedure, router } from '../../kernel/trpc.ts';
import * as s from './audit-log.schemas.ts';
import { startOfLocalDay } from './zoned-time.ts';

const tags = ['Admin: audit log'];

/** The console's wire: camelCase, times as ISO 8601. */
const present = (e: AuditEntryView) => ({ ...e, occurredAt: e.occurredAt.toISOString() });

/**
 * Every administrator's action on the tenant (see `adminProcedure`), newest first: the same
 * procedures in every profile, answered in the profile's own envelope.
 */
export const auditLogRouter = router({
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/audit-log',
        tags,
        protect: true,
        summary: 'The audit log: every administrator’s action, newest first',
        description:
          'Each change an administrator made (here or through the platform API): who, what (the procedure’s name), ' +
          'when, the record and its state before and after, the request id and address. Written in the same ' +
          'transaction as the action, so every committed action has its entry and a failed one none. Passwords, ' +
          'tokens, NIK, email addresses, phone numbers and gateway keys are redacted. Filter by action, actor, ' +
          'record and days (the tenant’s time zone); page with `cursor` (`nextCursor` of the page before), ' +
          'at most 100 entries a page. The console’s wire: camelCase, times as ISO 8601.',
      },
      errors: [403, 422],
    })
    .input(s.auditLogListInput)
    .output(s.auditLogListOutput)
    .query(async ({ ctx, input }) => {
      const zone = ctx.tenant.timeZone;
      if (input.from && input.to && input.to < input.from) throw fieldError('to', 'must not be before from');
      const { entries, nextCursor } = await ctx.services.auditLog.list(
        ctx.scope(),
        {
          action: input.action,
          actorId: input.actorId,
          actorRole: input.actorRole,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
          from: input.from ? startOfLocalDay(input.from, zone) : undefined,
          until: input.to ? startOfLocalDay(input.to, zone, 1) : undefined,
        },
        { cursor: input.cursor, limit: input.limit },
      );
      return { entries: entries.map(present), nextCursor };
    }),

  get: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/audit-log/{id}',
        tags,
        protect: true,
        summary: 'One entry of the audit log',
        description:
          'The entry with its redacted request and the record’s state before and after; 404 when the tenant has none with this id.',
      },
      errors: [403, 404],
    })
    .input(s.auditLogGetInput)
    .output(s.auditLogGetOutput)
    .query(async ({ ctx, input }) => ({
      entry: present(await ctx.services.auditLog.get(ctx.scope(), input.id)),
    })),
});
